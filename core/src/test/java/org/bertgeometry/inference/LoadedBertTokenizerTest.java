package org.bertgeometry.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bertgeometry.model.BertConfig;
import org.bertgeometry.tokenize.Tokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LoadedBert#openTokenizer} builds a folder's tokenizer without weights, with the checks of open. */
class LoadedBertTokenizerTest {

    private static final String VOCAB = "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\nhello\nworld\n";

    @TempDir
    Path dir;

    private void writeFolder(final int vocabSize) throws Exception {
        Files.writeString(dir.resolve("config.json"), BertConfig.defaults().withVocabSize(vocabSize).toJson(),
            StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("vocab.txt"), VOCAB, StandardCharsets.UTF_8);
    }

    @Test
    void buildsTheTokenizerFromConfigAndVocabularyWithoutWeights() throws Exception {
        writeFolder(7);
        Tokenizer t = LoadedBert.openTokenizer(dir, 0);
        // [CLS] hello world [SEP] = ids 2 5 6 3 by line number in vocab.txt
        assertArrayEquals(new int[]{2, 5, 6, 3}, t.encode("hello world").ids());
    }

    @Test
    void aLengthOverrideCutsEncodingsToThatManyPositions() throws Exception {
        writeFolder(7);
        Tokenizer t = LoadedBert.openTokenizer(dir, 3);
        assertEquals(3, t.maxLength());
        // [CLS] hello [SEP]: truncation keeps room for both special tokens
        assertArrayEquals(new int[]{2, 5, 3}, t.encode("hello world").ids());
    }

    @Test
    void aVocabularyLargerThanTheEmbeddingTableIsRefusedAsInOpen() throws Exception {
        writeFolder(5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> LoadedBert.openTokenizer(dir, 0));
        assertTrue(e.getMessage().contains("7 tokens") && e.getMessage().contains("only 5"), e.getMessage());
    }
}
