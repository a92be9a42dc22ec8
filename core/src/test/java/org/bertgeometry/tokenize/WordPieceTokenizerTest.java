package org.bertgeometry.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Behaviour of the BERT tokenizer on a tiny hand-written vocabulary; expectations worked out by hand. */
class WordPieceTokenizerTest {

    // ids:                          0       1       2       3       4        5     6       7        8        9
    static final List<String> TOKENS = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "un", "##aff", "##able",
            "hello", "world", ",", "!", "你", "好", "a", "##a", "Hello", "cafe", "b", "c", "d", "e");

    static Vocabulary vocab() {
        return Vocabulary.of(TOKENS);
    }

    @Test
    void lowercasedTextIsSplitOnPunctuationAndIntoWordPieces() {
        Encoding e = WordPieceTokenizer.create(vocab(), true).encode("Hello, UNAFFABLE world!");
        assertEquals(List.of("[CLS]", "hello", ",", "un", "##aff", "##able", "world", "!", "[SEP]"), e.tokens());
        assertArrayEquals(new int[] {2, 8, 10, 5, 6, 7, 9, 11, 3}, e.ids());
        assertArrayEquals(new int[9], e.typeIds());
        assertFalse(e.truncated());
    }

    @Test
    void lowercasingStripsAccentsButTheCasedPathKeepsCaseAndAccents() {
        assertEquals(List.of("cafe"), WordPieceTokenizer.create(vocab(), true).tokenize("CAFÉ"));
        WordPieceTokenizer cased = WordPieceTokenizer.create(vocab(), false);
        assertEquals(List.of("Hello", "[UNK]"), cased.tokenize("Hello hello\u0301"));
        assertEquals(List.of("[UNK]"), cased.tokenize("café"));
    }

    @Test
    void cjkCharactersBecomeSingleTokensAndControlsAreRemoved() {
        WordPieceTokenizer t = WordPieceTokenizer.create(vocab(), true);
        assertEquals(List.of("hello", "你", "好", "world"), t.tokenize("hello你好world"));
        assertEquals(List.of("hello", "world"), t.tokenize("hel\u0000lo\u200B\u00A0wor\uFFFDld"));
    }

    @Test
    void wordsLongerThan100CharactersBecomeUnknown() {
        WordPieceTokenizer t = WordPieceTokenizer.create(vocab(), true);
        assertEquals(100, t.tokenize("a".repeat(100)).size()); // a ##a ##a ... (100 pieces)
        assertEquals(List.of("[UNK]"), t.tokenize("a".repeat(101)));
        assertEquals(List.of("[UNK]"), t.tokenize("ax")); // "a" matches, "##x" does not -> whole word unknown
    }

    @Test
    void specialTokenLiteralsInTheTextStayWhole() {
        assertEquals(List.of("a", "[MASK]", "b"), WordPieceTokenizer.create(vocab(), true).tokenize("a[MASK]b"));
    }

    @Test
    void emptyAndWhitespaceOnlyInputsGiveOnlyClsAndSep() {
        WordPieceTokenizer t = WordPieceTokenizer.create(vocab(), true);
        assertArrayEquals(new int[] {2, 3}, t.encode("").ids());
        assertArrayEquals(new int[] {2, 3}, t.encode(" \t\n\u3000").ids());
    }

    @Test
    void pairsGetTypeIdsZeroThenOne() {
        Encoding e = WordPieceTokenizer.create(vocab(), true).encodePair("hello", "world !");
        assertEquals(List.of("[CLS]", "hello", "[SEP]", "world", "!", "[SEP]"), e.tokens());
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1}, e.typeIds());
    }

    @Test
    void singleInputsAreTruncatedToMaxLengthIncludingSpecialTokens() {
        WordPieceTokenizer t = WordPieceTokenizer.create(vocab(), true).withOptions(new EncodeOptions(4, true, false));
        Encoding e = t.encode("b c d e");
        assertEquals(List.of("[CLS]", "b", "c", "[SEP]"), e.tokens());
        assertTrue(e.truncated());
    }

    @Test
    void pairTruncationCutsTheLongerSideFirst() {
        WordPieceTokenizer t = WordPieceTokenizer.create(vocab(), true).withOptions(new EncodeOptions(10, true, false));
        // budget 10 - 3 = 7; a = 8 tokens, b = 3: the shorter (3) fits, the longer gets 7 - 3 = 4
        Encoding e = t.encodePair("a b c d e a b c", "d e b");
        assertEquals(List.of("[CLS]", "a", "b", "c", "d", "[SEP]", "d", "e", "b", "[SEP]"), e.tokens());
        assertTrue(e.truncated());
        // a = 5, b = 5: neither fits alone next to the other; a gets 7/2 = 3, b gets 3 + 7%2 = 4
        Encoding f = t.encodePair("a b c d e", "e d c b a");
        assertEquals(List.of("[CLS]", "a", "b", "c", "[SEP]", "e", "d", "c", "b", "[SEP]"), f.tokens());
    }

    @Test
    void paddingFillsWithPadIdTypeZeroAndMaskZero() {
        WordPieceTokenizer t = WordPieceTokenizer.create(vocab(), true).withOptions(new EncodeOptions(6, true, true));
        Encoding e = t.encode("hello");
        assertArrayEquals(new int[] {2, 8, 3, 0, 0, 0}, e.ids());
        assertArrayEquals(new int[] {1, 1, 1, 0, 0, 0}, e.attentionMask());
        assertEquals(3, e.realLength());
    }

    @Test
    void batchesArePaddedToTheLongestRow() {
        BatchEncoding b = WordPieceTokenizer.create(vocab(), true).encodeBatch(List.of("hello", "hello world !"));
        assertEquals(5, b.sequenceLength());
        assertArrayEquals(new int[] {2, 8, 3, 0, 0}, b.ids()[0]);
        assertArrayEquals(new int[] {1, 1, 1, 0, 0}, b.attentionMask()[0]);
        assertArrayEquals(new int[] {2, 8, 9, 11, 3}, b.ids()[1]);
    }

    @Test
    void truncationWithoutRoomForSpecialTokensIsRejected() {
        WordPieceTokenizer t = WordPieceTokenizer.create(vocab(), true).withOptions(new EncodeOptions(2, true, false));
        assertThrows(IllegalArgumentException.class, () -> t.encodePair("a", "b"));
        assertEquals(List.of("[CLS]", "[SEP]"), t.encode("a b").tokens());
    }

    @Test
    void missingUnknownTokenFailsOnlyWhenNeeded() {
        List<String> noUnk = new ArrayList<>(TOKENS);
        noUnk.set(1, "[unused]");
        WordPieceTokenizer t = WordPieceTokenizer.create(Vocabulary.of(noUnk), true);
        assertEquals(List.of("hello"), t.tokenize("hello"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.tokenize("zzz"));
        assertTrue(e.getMessage().contains("[UNK]"), e.getMessage());
    }

    @Test
    void vocabularyWithoutClsIsRejectedAtConstruction() {
        assertThrows(IllegalStateException.class, () -> WordPieceTokenizer.create(Vocabulary.of(List.of("[UNK]")), true));
    }

    @Test
    void tokenizerJsonOfAnotherModelTypeIsRefusedNamingTheSource() {
        String json = "{\"model\":{\"type\":\"BPE\",\"vocab\":{}}}";
        TokenizerFormatException e = assertThrows(TokenizerFormatException.class, () -> WordPieceTokenizer.fromTokenizerJson(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "my-tokenizer.json"));
        assertTrue(e.getMessage().contains("my-tokenizer.json") && e.getMessage().contains("BPE"), e.getMessage());
    }

    @Test
    void tokenizerJsonAddedTokensWithStrippingAreRefused() throws IOException {
        String json = "{\"added_tokens\":[{\"id\":0,\"content\":\"[UNK]\",\"lstrip\":true}],"
                + "\"normalizer\":{\"type\":\"BertNormalizer\"},\"pre_tokenizer\":{\"type\":\"BertPreTokenizer\"},"
                + "\"post_processor\":{\"type\":\"BertProcessing\",\"cls\":[\"[CLS]\",1],\"sep\":[\"[SEP]\",2]},"
                + "\"model\":{\"type\":\"WordPiece\",\"vocab\":{\"[UNK]\":0,\"[CLS]\":1,\"[SEP]\":2}}}";
        TokenizerFormatException e = assertThrows(TokenizerFormatException.class, () -> WordPieceTokenizer.fromTokenizerJson(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t.json"));
        assertTrue(e.getMessage().contains("lstrip"), e.getMessage());
        // the same file without lstrip loads, and BertProcessing gives [CLS]/[SEP]
        WordPieceTokenizer ok = WordPieceTokenizer.fromTokenizerJson(new ByteArrayInputStream(
                json.replace("\"lstrip\":true", "\"lstrip\":false").getBytes(StandardCharsets.UTF_8)), "t.json");
        assertArrayEquals(new int[] {1, 0, 2}, ok.encode("anything").ids());
    }

    @Test
    void malformedTokenizerJsonFailsWithAFormatErrorNotARuntimeException() {
        String json = "{\"model\":{\"type\":\"WordPiece\",\"vocab\":{\"[UNK]\":\"zero\"}}}";
        TokenizerFormatException e = assertThrows(TokenizerFormatException.class, () -> WordPieceTokenizer.fromTokenizerJson(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "broken.json"));
        assertTrue(e.getMessage().contains("broken.json"), e.getMessage());
    }
}
