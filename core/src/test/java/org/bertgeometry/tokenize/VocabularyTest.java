package org.bertgeometry.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyTest {

    @TempDir
    Path dir;

    @Test
    void listIndexIsTheId() {
        Vocabulary v = Vocabulary.of(List.of("[PAD]", "hello", "[UNK]", "[CLS]", "[SEP]", "[MASK]"));
        assertEquals(6, v.size());
        assertEquals("hello", v.token(1));
        assertEquals(1, v.requireId("hello"));
        assertEquals(0, v.padId());
        assertEquals(2, v.unkId());
        assertEquals(3, v.clsId());
        assertEquals(4, v.sepId());
        assertEquals(5, v.maskId());
        assertFalse(v.id("absent").isPresent());
        assertEquals(-7, v.idOrDefault("absent", -7));
    }

    @Test
    void vocabTxtLineNumberMinusOneIsTheIdAndWindowsLineEndsAreAccepted() throws IOException {
        Path f = dir.resolve("vocab.txt");
        Files.write(f, "[PAD]\r\n[UNK]\r\nhéllo\r\n##s".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Vocabulary v = Vocabulary.read(f);
        assertEquals(List.of("[PAD]", "[UNK]", "héllo", "##s"), v.tokens());
    }

    @Test
    void emptyLineInVocabTxtIsReportedWithFileAndLine() throws IOException {
        Path f = dir.resolve("vocab.txt");
        Files.writeString(f, "[PAD]\n[UNK]\n\nword\n");
        TokenizerFormatException e = assertThrows(TokenizerFormatException.class, () -> Vocabulary.read(f));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void duplicateTokenInVocabTxtNamesBothLines() throws IOException {
        Path f = dir.resolve("vocab.txt");
        Files.writeString(f, "a\nb\na\n");
        TokenizerFormatException e = assertThrows(TokenizerFormatException.class, () -> Vocabulary.read(f));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void invalidUtf8AndEmptyFilesAreRejected() throws IOException {
        Path bad = dir.resolve("bad.txt");
        Files.write(bad, new byte[] {'a', '\n', (byte) 0xC3, '\n'});
        TokenizerFormatException e = assertThrows(TokenizerFormatException.class, () -> Vocabulary.read(bad));
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "");
        assertThrows(TokenizerFormatException.class, () -> Vocabulary.read(empty));
    }

    @Test
    void emptyOrDuplicateListEntriesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(List.of("a", "")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Vocabulary.of(List.of("a", "b", "a")));
        assertTrue(e.getMessage().contains("0") && e.getMessage().contains("2"), e.getMessage());
    }

    @Test
    void addTokensAppendsNewOnesInFirstOccurrenceOrderAndReturnsTheNewSize() {
        Vocabulary v = Vocabulary.of(List.of("[PAD]", "x"));
        assertEquals(4, v.addTokens(List.of("y", "x", "z", "y")));
        assertEquals(List.of("[PAD]", "x", "y", "z"), v.tokens());
        assertThrows(IllegalArgumentException.class, () -> v.addTokens(List.of("w", "")));
        assertEquals(4, v.size(), "nothing added when one token is invalid");
    }

    @Test
    void missingSpecialTokenFailsNamingIt() {
        Vocabulary v = Vocabulary.of(List.of("a"));
        IllegalStateException e = assertThrows(IllegalStateException.class, v::maskId);
        assertTrue(e.getMessage().contains("[MASK]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> v.token(1));
    }

    @Test
    void writtenVocabTxtReadsBackIdentically() throws IOException {
        Vocabulary v = Vocabulary.of(List.of("[PAD]", "ü", "##x", "中"));
        Path f = dir.resolve("out.txt");
        v.write(f);
        assertEquals(v.tokens(), Vocabulary.read(f).tokens());
    }
}
