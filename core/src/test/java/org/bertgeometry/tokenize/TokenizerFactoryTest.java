package org.bertgeometry.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenizerFactoryTest {

    static Vocabulary vocab() {
        return Vocabulary.of(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "hello", "Hello", "cafe"));
    }

    @Test
    void kmerConfigGivesAKmerTokenizerWithItsKStrideAndMaxLength() {
        Tokenizer t = TokenizerFactory.create(Map.of("bertgeo_tokenizer", "kmer", "kmer_k", "6", "kmer_stride", "3",
                "model_max_length", "128", "do_lower_case", "true"), vocab());
        KmerTokenizer k = assertInstanceOf(KmerTokenizer.class, t);
        assertEquals(6, k.k());
        assertEquals(3, k.stride());
        assertEquals(128, k.maxLength());
    }

    @Test
    void kmerConfigWithoutKOrStrideUsesThePapersTwelveAndNine() {
        KmerTokenizer k = (KmerTokenizer) TokenizerFactory.create(Map.of("bertgeo_tokenizer", "kmer"), vocab());
        assertEquals(12, k.k());
        assertEquals(9, k.stride());
        assertEquals(512, k.maxLength());
    }

    @Test
    void plainBertConfigGivesAWordPieceTokenizerHonouringDoLowerCase() {
        Tokenizer lower = TokenizerFactory.create(Map.of("model_max_length", "512"), vocab());
        assertEquals(List.of("[CLS]", "hello", "cafe", "[SEP]"), lower.encode("HELLO Café").tokens());
        Tokenizer cased = TokenizerFactory.create(Map.of("do_lower_case", "false"), vocab());
        assertEquals(List.of("[CLS]", "Hello", "[UNK]", "[SEP]"), cased.encode("Hello Café").tokens());
        WordPieceTokenizer w = (WordPieceTokenizer) cased;
        assertFalse(w.normalizer().stripAccents());
        assertTrue(w.normalizer().handleChineseChars());
    }

    @Test
    void huggingFacesNoLimitSentinelMeans512() {
        Tokenizer t = TokenizerFactory.create(Map.of("model_max_length", "1000000000000000019884624838656"), vocab());
        assertEquals(512, t.maxLength());
    }

    @Test
    void badValuesFailNamingTheKey() {
        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
                () -> TokenizerFactory.create(Map.of("bertgeo_tokenizer", "bpe"), vocab()));
        assertTrue(kind.getMessage().contains("bertgeo_tokenizer"), kind.getMessage());
        IllegalArgumentException lower = assertThrows(IllegalArgumentException.class,
                () -> TokenizerFactory.create(Map.of("do_lower_case", "yes"), vocab()));
        assertTrue(lower.getMessage().contains("do_lower_case"), lower.getMessage());
        IllegalArgumentException k = assertThrows(IllegalArgumentException.class,
                () -> TokenizerFactory.create(Map.of("bertgeo_tokenizer", "kmer", "kmer_k", "0"), vocab()));
        assertTrue(k.getMessage().contains("kmer_k"), k.getMessage());
        IllegalArgumentException len = assertThrows(IllegalArgumentException.class,
                () -> TokenizerFactory.create(Map.of("model_max_length", "12.5"), vocab()));
        assertTrue(len.getMessage().contains("model_max_length"), len.getMessage());
    }
}
