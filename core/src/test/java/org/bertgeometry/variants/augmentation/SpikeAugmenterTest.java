package org.bertgeometry.variants.augmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.bertgeometry.variants.reference.SarsCov2Reference;
import org.bertgeometry.variants.sequence.Nucleotides;
import org.junit.jupiter.api.Test;

/** Properties of the training augmentation that must hold whatever the random draws. */
class SpikeAugmenterTest {

    private static final String REF = SarsCov2Reference.load().spike();

    /** The reference spike with substitutions at {@code positions} (each base shifted by one in ACGT). */
    private static String withSubstitutions(int... positions) {
        char[] c = REF.toCharArray();
        for (int p : positions) {
            c[p] = "ACGT".charAt(("ACGT".indexOf(c[p]) + 1) % 4);
        }
        return new String(c);
    }

    /** {@code count} augmentations of the augmenter's first spike, drawn from a generator seeded {@code seed}. */
    private static List<String> draws(SpikeAugmenter a, long seed, int count) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<String> out = new ArrayList<>(count);
        for (int d = 0; d < count; d++) {
            out.add(a.augment(0, rng));
        }
        return out;
    }

    @Test
    void findsExactlyTheIsolatedSubstitutionsAndRevertsThemAtOneMinusPresence() {
        int[] subs = {300, 700, 1100, 1500, 1900, 2300, 2700, 3100};
        String spike = withSubstitutions(subs);
        AugmentationSettings revertOnly = new AugmentationSettings(1, 0, 20, 300, 0, 0, 3, 0);
        SpikeAugmenter a = new SpikeAugmenter(REF, List.of(spike), revertOnly);
        assertEquals(subs.length, a.revertibleDifferences(0));
        int draws = 2_000;
        long reverted = 0;
        for (String s : draws(a, 3, draws)) {
            assertEquals(REF.length(), s.length());
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) != spike.charAt(i)) {
                    // a reverted position holds the reference base; nothing else changes
                    assertEquals(REF.charAt(i), s.charAt(i), "position " + i);
                    reverted++;
                }
            }
        }
        // presence ~ U[0, 1], so each difference is reverted with probability E[1 - presence] = 1/2. The count
        // per draw is binomial given presence; its variance over draws is at most 8*8/12 + 8/4 = 7.33.
        double mean = reverted / (double) draws;
        assertEquals(subs.length / 2.0, mean, 4 * Math.sqrt(7.34 / draws));
    }

    @Test
    void nothingChangesWithShareZeroOrWithNoneSettings() {
        String spike = withSubstitutions(500, 900);
        SpikeAugmenter a = new SpikeAugmenter(REF, List.of(spike), AugmentationSettings.none());
        for (String s : draws(a, 1, 50)) {
            assertEquals(spike, s);
        }
    }

    @Test
    void nRunsAddOnlyNsInRunsOfAtLeastTheMinimumLength() {
        AugmentationSettings runsOnly = new AugmentationSettings(1, 2.0, 40, 60, 0, 0, 3, 1);
        SpikeAugmenter a = new SpikeAugmenter(REF, List.of(REF), runsOnly);
        for (String s : draws(a, 7, 300)) {
            assertEquals(REF.length(), s.length());
            int run = 0;
            for (int i = 0; i <= s.length(); i++) {
                boolean n = i < s.length() && s.charAt(i) == 'N';
                if (n) {
                    run++;
                } else {
                    assertTrue(run == 0 || run >= 40, "run of " + run);
                    run = 0;
                }
                if (i < s.length() && !n) {
                    assertEquals(REF.charAt(i), s.charAt(i));
                }
            }
        }
    }

    @Test
    void privateDeletionsKeepTheReadingFrame() {
        AugmentationSettings deletionsOnly = new AugmentationSettings(1, 0, 20, 300, 0, 1, 3, 1);
        SpikeAugmenter a = new SpikeAugmenter(REF, List.of(REF), deletionsOnly);
        for (String s : draws(a, 11, 300)) {
            int removed = REF.length() - s.length();
            assertTrue(removed >= 3 && removed <= 9 && removed % 3 == 0, "removed " + removed);
            String protein = Nucleotides.translate(s);
            assertEquals('M', protein.charAt(0));
            assertEquals(protein.length() - 1, protein.indexOf('*'), "only the last codon is a stop");
        }
    }

    @Test
    void privateSubstitutionsAverageRateTimesLength() {
        double rate = 1e-3;
        AugmentationSettings subsOnly = new AugmentationSettings(1, 0, 20, 300, rate, 0, 3, 1);
        SpikeAugmenter a = new SpikeAugmenter(REF, List.of(REF), subsOnly);
        int draws = 1_000;
        long changed = 0;
        for (String s : draws(a, 5, draws)) {
            for (int i = 0; i < s.length(); i++) {
                changed += s.charAt(i) != REF.charAt(i) ? 1 : 0;
            }
        }
        // Poisson(3.822) per draw (a repeated hit on one base is rare and may undo nothing): sd of the mean sqrt(3.822/1000)
        double expected = rate * REF.length();
        assertEquals(expected, changed / (double) draws, 4 * Math.sqrt(expected / draws) + 0.01);
    }
}
