package org.bertgeometry.variants.abstention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The k-mer signature check of the abstention rule (docs/methods.md, "Calibration and abstention") on a
 * tiny reference with 3-mers, where every signature and share is counted by hand, and the property that a
 * class's own training consensus always carries its whole signature.
 */
class KmerSignatureTest {

    @TempDir
    Path dir;

    /** Reference ACGTACGT has the 3-mers ACG, CGT, GTA, TAC. */
    private static final String REFERENCE = "ACGTACGT";

    /**
     * Class 0 (three sequences, a 3-mer needs 2 of them): ACGTTCGT adds GTT TTC TCG, ACGTTCGA adds GTT TTC TCG
     * CGA, ACGTACGA adds CGA, so its signature is CGA GTT TCG TTC. Class 1 (two sequences, a 3-mer needs 1):
     * ACGTNNGG adds nothing (N breaks every 3-mer it touches), acgtaggg (lower case) adds TAG AGG GGG.
     * Class 2 has no sequence and an empty signature.
     */
    private static KmerSignatures handMade() {
        return KmerSignatures.fit(REFERENCE, List.of("ACGTTCGT", "ACGTTCGA", "ACGTACGA", "ACGTNNGG", "acgtaggg"),
                new int[] {0, 0, 0, 1, 1}, 3, 3, 0.5);
    }

    @Test
    void signaturesAreTheNonReferenceKmersOfAtLeastHalfTheClass() {
        KmerSignatures s = handMade();
        assertEquals(Set.of("CGA", "GTT", "TCG", "TTC"), s.classes().get(0));
        assertEquals(Set.of("AGG", "GGG", "TAG"), s.classes().get(1));
        assertEquals(Set.of(), s.classes().get(2));
    }

    @Test
    void presentFractionCountsTheSignatureKmersASequenceHolds() {
        KmerSignatures s = handMade();
        assertEquals(0.75, s.presentFraction("TTCGA", 0), 1e-12); // TTC TCG CGA of four
        assertEquals(0.75, s.presentFraction("ttcga", 0), 1e-12); // case ignored
        assertEquals(0.0, s.presentFraction(REFERENCE, 0), 1e-12);
        assertEquals(2 / 3.0, s.presentFraction("TAGG", 1), 1e-12); // TAG AGG of three
        assertEquals(1 / 3.0, s.presentFraction("TAGNG", 1), 1e-12); // the N breaks AGG
        assertEquals(1.0, s.presentFraction("ANYTHING", 2), 1e-12); // nothing to miss
    }

    @Test
    void thresholdIsTheRateQuantileOfHeldOutShares() {
        // shares under the predicted classes: TTCGA 0.75 (class 0), REFERENCE 0 (class 0), anything 1 (class 2),
        // TAGG 2/3 (class 1); sorted 0, 2/3, 0.75, 1; the 0.25-quantile lies at 0.75 of the way from 0 to 2/3: 0.5
        SignatureCheck c = SignatureCheck.calibrate(handMade(), List.of("TTCGA", REFERENCE, "GGGG", "TAGG"),
                new int[] {0, 0, 2, 1}, 0.25);
        assertEquals(0.5, c.minFraction(), 1e-12);
        assertFalse(c.missing("TTCGA", 0));
        assertTrue(c.missing("TTC", 0), "one of four = 0.25 < 0.5");
        assertFalse(c.missing("TAGG", 1));
        assertFalse(SignatureCheck.none().missing(REFERENCE, 0), "a rule without signatures never abstains by them");
    }

    @Test
    void ruleNamesEveryReasonAndKeepsTheSignaturesThroughSaveAndLoad() throws IOException {
        // three class means at the origin, identity precision: the score is the squared length
        MahalanobisScorer scorer = new MahalanobisScorer(new double[3][2], new double[][] {{1, 0}, {0, 1}});
        SignatureCheck check = new SignatureCheck(handMade(), 0.5);
        AbstentionRule rule = new AbstentionRule(0.9, 4, scorer, check);
        double[] near = {0.5, 0.5}; // 0.5
        double[] far = {3, 0}; // 9 > 4
        assertEquals(Set.of(), rule.reasons(new double[] {0.95, 0.05, 0}, near, "TTCGA"));
        assertEquals(Set.of(AbstentionReason.MISSING_SIGNATURE), rule.reasons(new double[] {0.95, 0.05, 0}, near,
                REFERENCE));
        assertEquals(Set.of(AbstentionReason.LOW_PROBABILITY, AbstentionReason.FAR_EMBEDDING,
                AbstentionReason.MISSING_SIGNATURE), rule.reasons(new double[] {0.2, 0.5, 0.3}, far, "TTCGA"),
                "predicted class 1, whose AGG GGG TAG are all absent from TTCGA");
        assertEquals("low probability; far embedding; missing signature", AbstentionRule.describe(
                rule.reasons(new double[] {0.2, 0.5, 0.3}, far, "TTCGA")));

        rule.save(dir);
        AbstentionRule back = AbstentionRule.load(dir);
        assertEquals(check.minFraction(), back.signature().minFraction());
        assertEquals(check.signatures().classes(), back.signature().signatures().classes());
        assertTrue(back.abstains(new double[] {0.95, 0.05, 0}, near, REFERENCE));
    }

    @Test
    void aRuleFileWrittenBeforeSignaturesLoadsWithoutTheCheck() throws IOException {
        Files.writeString(dir.resolve(AbstentionRule.FILE), "{\"min_probability\": 0.5, \"max_distance\": 10, "
                + "\"class_means\": [[0, 0]], \"precision\": [[1, 0], [0, 1]]}", StandardCharsets.UTF_8);
        AbstentionRule old = AbstentionRule.load(dir);
        assertFalse(old.signature().present());
        assertFalse(old.abstains(new double[] {0.9, 0.1}, new double[] {1, 1}, "ACGT"));

        Files.writeString(dir.resolve(AbstentionRule.FILE), "{\"min_probability\": 0.5, \"max_distance\": 10, "
                + "\"class_means\": [[0, 0]], \"precision\": [[1, 0], [0, 1]], \"signatures\": {\"k\": 12}}",
                StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> AbstentionRule.load(dir));
        assertTrue(e.getMessage().contains("incomplete k-mer signatures"), e.getMessage());
    }

    /**
     * Property: for random references, lineages (substitutions each present with its own frequency of at least
     * one half), private substitutions and N runs, the per-position majority of a class's training sequences
     * (an odd number, so every majority is strict) carries that class's entire signature, so the signature
     * check passes it at any threshold it can be calibrated to.
     */
    @Test
    void aSequenceBuiltFromItsClassConsensusIsNeverUnassignedByTheSignature() {
        Random random = new Random(12);
        int checked = 0;
        for (int trial = 0; trial < 60; trial++) {
            char[] reference = randomBases(random, 300 + random.nextInt(300));
            int classes = 2 + random.nextInt(3);
            List<String> sequences = new ArrayList<>();
            List<Integer> labels = new ArrayList<>();
            for (int c = 0; c < classes; c++) {
                int mutations = 1 + random.nextInt(8);
                int[] where = new int[mutations];
                double[] frequency = new double[mutations];
                for (int m = 0; m < mutations; m++) {
                    where[m] = random.nextInt(reference.length);
                    frequency[m] = 0.5 + 0.5 * random.nextDouble();
                }
                int members = 2 * (1 + random.nextInt(6)) + 1;
                for (int i = 0; i < members; i++) {
                    char[] s = reference.clone();
                    for (int m = 0; m < mutations; m++) {
                        if (random.nextDouble() < frequency[m]) {
                            s[where[m]] = otherBase(reference[where[m]], c);
                        }
                    }
                    for (int p = random.nextInt(3); p > 0; p--) {
                        int at = random.nextInt(s.length);
                        s[at] = otherBase(s[at], random.nextInt(3));
                    }
                    if (random.nextBoolean()) {
                        int start = random.nextInt(s.length);
                        for (int j = start; j < Math.min(s.length, start + 5 + random.nextInt(60)); j++) {
                            s[j] = 'N';
                        }
                    }
                    sequences.add(new String(s));
                    labels.add(c);
                }
            }
            int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
            KmerSignatures signatures = KmerSignatures.fit(new String(reference), sequences, y, classes, 12, 0.5);
            SignatureCheck check = SignatureCheck.calibrate(signatures, sequences, y, random.nextDouble());
            for (int c = 0; c < classes; c++) {
                String consensus = consensus(sequences, y, c, reference.length);
                assertEquals(1.0, signatures.presentFraction(consensus, c), 1e-12, "trial " + trial + " class " + c);
                assertFalse(check.missing(consensus, c), "trial " + trial + " class " + c);
                checked += signatures.classes().get(c).size();
            }
        }
        assertTrue(checked > 1000, "the cases must have signatures to check, got " + checked + " k-mers");
    }

    private static char[] randomBases(Random random, int n) {
        char[] s = new char[n];
        for (int i = 0; i < n; i++) {
            s[i] = "ACGT".charAt(random.nextInt(4));
        }
        return s;
    }

    /** A base other than {@code b}, chosen by {@code shift} in 0..2. */
    private static char otherBase(char b, int shift) {
        String bases = "ACGT";
        int i = bases.indexOf(b);
        return i < 0 ? b : bases.charAt((i + 1 + shift % 3) % 4);
    }

    /** The most frequent character per position among class {@code c}'s sequences (all of one length). */
    private static String consensus(List<String> sequences, int[] labels, int c, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int p = 0; p < length; p++) {
            int[] count = new int[128];
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    count[sequences.get(i).charAt(p)]++;
                }
            }
            char best = 'A';
            for (char ch : "ACGTN".toCharArray()) {
                if (count[ch] > count[best]) {
                    best = ch;
                }
            }
            out.append(best);
        }
        return out.toString();
    }
}
