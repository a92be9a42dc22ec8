package org.bertgeometry.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The paper's k-mer tokenisation, checked against the testable claims of the methods reference
 * (section 10, item 1; section 3.1) on the reference spike of NC_045512.2 (1-based 21563..25384).
 */
class KmerTokenizerTest {

    static String referenceSpike() throws IOException {
        try (InputStream in = KmerTokenizerTest.class.getResourceAsStream("NC_045512.2-spike-21563-25384.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    /**
     * The paper's vocabulary: 28,996 bert-base-cased entries (simulated, with the real special-token
     * ids [PAD]=0, [UNK]=100, [CLS]=101, [SEP]=102, [MASK]=103) plus k-mers added in order.
     */
    static Vocabulary bertBaseCasedLike() {
        List<String> tokens = new ArrayList<>(28_996);
        for (int i = 0; i < 28_996; i++) {
            tokens.add("dummy" + i);
        }
        tokens.set(0, "[PAD]");
        tokens.set(100, "[UNK]");
        tokens.set(101, "[CLS]");
        tokens.set(102, "[SEP]");
        tokens.set(103, "[MASK]");
        return Vocabulary.of(tokens);
    }

    @Test
    void referenceSpikeResourceIsTheSpikeGene() throws IOException {
        String spike = referenceSpike();
        assertEquals(3822, spike.length());
        assertTrue(spike.startsWith("ATG") && spike.endsWith("TAA"), "spike starts with ATG and ends with TAA");
    }

    @Test
    void referenceSpikeGives425KmersStartingWithAtgtttgttttt() throws IOException {
        List<String> kmers = new KmerSplitter(12, 9).split(referenceSpike());
        assertEquals(425, kmers.size());
        assertEquals("atgtttgttttt", kmers.get(0));
        // last k-mer starts at 9*424 = 3816: the last 6 nt (stop codon included) + 6 'N' of padding
        assertEquals(referenceSpike().substring(3816).toLowerCase() + "nnnnnn", kmers.get(424));
    }

    @Test
    void paperVocabularyGivesTheFirstKmerId28996AndA512IdInput() throws IOException {
        String spike = referenceSpike();
        Vocabulary vocab = bertBaseCasedLike();
        int size = KmerVocabularyBuilder.paperDefaults().add(spike).addTo(vocab);
        assertTrue(size > 28_996);
        assertEquals(28_996, vocab.requireId("atgtttgttttt"));

        Encoding e = KmerTokenizer.paperDefaults(vocab).encode(spike);
        int[] ids = e.ids();
        assertEquals(512, ids.length);
        assertEquals(101, ids[0]);
        assertEquals(28_996, ids[1]);
        for (int i = 1; i <= 425; i++) {
            assertTrue(ids[i] >= 28_996, "every spike k-mer is in the vocabulary, position " + i);
        }
        assertEquals(102, ids[426]);
        for (int i = 427; i < 512; i++) {
            assertEquals(0, ids[i], "85 [PAD] positions");
        }
        assertEquals(427, e.realLength());
        assertArrayEquals(new int[512], e.typeIds());
        assertFalse(e.truncated());
    }

    @Test
    void trailingNewlineOfTheTrainingLoaderMakesThe425thKmerUnknown() throws IOException {
        String spike = referenceSpike();
        Vocabulary vocab = bertBaseCasedLike();
        KmerVocabularyBuilder.paperDefaults().add(spike).addTo(vocab); // built without the newline
        Encoding e = KmerTokenizer.paperDefaults(vocab).encode(spike + "\n");
        int[] ids = e.ids();
        // L = 3,823 -> padded 3,828 -> still 425 k-mers; the last holds '\n' and is [UNK]
        assertEquals(100, ids[425]);
        assertEquals("[UNK]", e.tokens().get(425));
        assertTrue(ids[424] >= 28_996);
        assertEquals(102, ids[426]);
        assertEquals(427, e.realLength());
    }

    @Test
    void kmerCountFollowsFloorOfPaddedLengthMinusKOverStrideplusOne() {
        KmerSplitter s = new KmerSplitter(12, 9);
        // hand-computed: ceil12(L), then (ceil12 - 12) / 9 + 1
        int[][] cases = {
            {0, 0},      // nothing to pad
            {1, 1},      // 12 -> 0/9 + 1
            {12, 1},     // 12 -> 1
            {13, 2},     // 24 -> 12/9 = 1 -> 2
            {24, 2},     // 24 -> 2
            {25, 3},     // 36 -> 24/9 = 2 -> 3
            {3816, 423}, // 3816 -> 3804/9 = 422 -> 423
            {3817, 425}, // 3828 -> 3816/9 = 424 -> 425
            {3822, 425},
            {3828, 425},
            {3829, 426}, // 3840 -> 3828/9 = 425 -> 426
            {3810, 423}, // the indel sample: 3,809 nt + '\n' -> 3816 -> 423
        };
        for (int[] c : cases) {
            assertEquals(c[1], s.count(c[0]), "count for length " + c[0]);
            assertEquals(c[1], s.split("A".repeat(c[0])).size(), "split size for length " + c[0]);
        }
    }

    @Test
    void kmersAreLowerCasedAndPaddedWithNToAMultipleOfK() {
        // 14 nt -> padded to 24 with 10 'N'; k-mers at 0 and 9
        assertEquals(List.of("acgtacgtacgt", "cgtacnnnnnnn"), new KmerSplitter(12, 9).split("ACGTACGTACGTAC"));
        // k = 3, stride 3: codons; 7 nt -> 9 with "NN"
        assertEquals(List.of("atg", "ttt", "gnn"), new KmerSplitter(3, 3).split("ATGTTTG"));
    }

    @Test
    void longSequencesAreTruncatedToMaxLengthMinusTwoKmers() {
        Vocabulary vocab = new KmerVocabularyBuilder(3, 3, 1).add("AAACCCGGGTTT").buildStandalone();
        KmerTokenizer tok = new KmerTokenizer(vocab, 3, 3, 5);
        Encoding e = tok.encode("AAACCCGGGTTT"); // 4 k-mers, room for 3
        assertTrue(e.truncated());
        assertEquals(List.of("[CLS]", "aaa", "ccc", "ggg", "[SEP]"), e.tokens());
        assertEquals(5, e.realLength());
    }

    @Test
    void unknownKmersMapToUnkAndPaddingFillsToMaxLength() {
        Vocabulary vocab = new KmerVocabularyBuilder(3, 3, 1).add("AAA").buildStandalone();
        Encoding e = new KmerTokenizer(vocab, 3, 3, 6).encode("AAAGGG");
        // standalone ids: [PAD]=0 [UNK]=1 [CLS]=2 [SEP]=3 [MASK]=4 aaa=5
        assertArrayEquals(new int[] {2, 5, 1, 3, 0, 0}, e.ids());
        assertArrayEquals(new int[] {1, 1, 1, 1, 0, 0}, e.attentionMask());
        assertEquals(List.of("[CLS]", "aaa", "[UNK]", "[SEP]", "[PAD]", "[PAD]"), e.tokens());
    }

    @Test
    void invalidSettingsAndVocabulariesWithoutSpecialTokensAreRejected() {
        Vocabulary vocab = KmerVocabularyBuilder.paperDefaults().buildStandalone();
        assertThrows(IllegalArgumentException.class, () -> new KmerTokenizer(vocab, 0, 9, 512));
        assertThrows(IllegalArgumentException.class, () -> new KmerTokenizer(vocab, 12, 0, 512));
        assertThrows(IllegalArgumentException.class, () -> new KmerTokenizer(vocab, 12, 9, 1));
        IllegalStateException noUnk = assertThrows(IllegalStateException.class,
                () -> KmerTokenizer.paperDefaults(Vocabulary.of(List.of("[PAD]", "[CLS]", "[SEP]"))));
        assertTrue(noUnk.getMessage().contains("[UNK]"), noUnk.getMessage());
    }

    @Test
    void batchEncodingStacksRowsOfEqualLength() {
        Vocabulary vocab = new KmerVocabularyBuilder(3, 3, 1).add("AAACCC").buildStandalone();
        BatchEncoding b = new KmerTokenizer(vocab, 3, 3, 6).encodeBatch(List.of("AAA", "AAACCC"));
        assertEquals(2, b.size());
        assertEquals(6, b.sequenceLength());
        assertArrayEquals(new int[] {2, 5, 3, 0, 0, 0}, b.ids()[0]);
        assertArrayEquals(new int[] {2, 5, 6, 3, 0, 0}, b.ids()[1]);
    }
}
