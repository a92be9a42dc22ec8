package org.bertgeometry.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class KmerVocabularyBuilderTest {

    @Test
    void standaloneVocabularyHasTheFiveSpecialTokensThenKmersInFirstOccurrenceOrder() {
        // codons of "GGGAAAGGG" then "TTTAAA": ggg, aaa, ggg, ttt, aaa -> first occurrences ggg, aaa, ttt
        Vocabulary v = new KmerVocabularyBuilder(3, 3, 1).add("GGGAAAGGG").add("TTTAAA").buildStandalone();
        assertEquals(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "ggg", "aaa", "ttt"), v.tokens());
    }

    @Test
    void minCountKeepsOnlyKmersSeenOftenEnough() {
        KmerVocabularyBuilder b = new KmerVocabularyBuilder(3, 3, 2).add("GGGAAAGGG").add("TTTAAA");
        assertEquals(2, b.count("ggg"));
        assertEquals(1, b.count("ttt"));
        assertEquals(List.of("ggg", "aaa"), b.kmers());
    }

    @Test
    void addingToAnExistingVocabularyAppendsNewKmersAndSkipsPresentOnes() {
        Vocabulary base = Vocabulary.of(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "aaa"));
        int size = new KmerVocabularyBuilder(3, 3, 1).add("CCCAAAGGG").addTo(base);
        assertEquals(8, size);
        assertEquals(5, base.requireId("aaa"));
        assertEquals(6, base.requireId("ccc"));
        assertEquals(7, base.requireId("ggg"));
    }

    @Test
    void kmersAreCountedWithTheTokenizersSplittingRule() {
        // lower-cased and 'N'-padded exactly like KmerTokenizer, so the tokenizer finds them
        KmerVocabularyBuilder b = new KmerVocabularyBuilder(12, 9, 1).add("ACGTACGTACGTAC");
        assertEquals(List.of("acgtacgtacgt", "cgtacnnnnnnn"), b.kmers());
    }

    @Test
    void minCountBelowOneIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new KmerVocabularyBuilder(12, 9, 0));
    }
}
