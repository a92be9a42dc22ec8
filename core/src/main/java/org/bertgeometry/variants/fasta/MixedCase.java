package org.bertgeometry.variants.fasta;

import java.util.SplittableRandom;

/**
 * Writes a sequence in the mixed case that real FASTA files carry: some files are entirely lower case,
 * others soft-mask stretches (low coverage, primer sites) in lower case. Used by the simulator's FASTA
 * output so that every reader of simulated files meets both; {@link FastaReader} upper-cases again.
 */
public final class MixedCase {

    private MixedCase() {
    }

    /**
     * {@code sequence} with, at probability 0.25, every letter lower case; otherwise 0..3 stretches of
     * 10..500 letters lower-cased at uniform positions. Only the case changes, never a letter.
     */
    public static String apply(String sequence, SplittableRandom rng) {
        if (rng.nextDouble() < 0.25) {
            return sequence.toLowerCase(java.util.Locale.ROOT);
        }
        char[] c = sequence.toCharArray();
        int stretches = rng.nextInt(4);
        for (int k = 0; k < stretches && c.length > 0; k++) {
            int len = 10 + rng.nextInt(491);
            int start = rng.nextInt(c.length);
            for (int p = start; p < Math.min(c.length, start + len); p++) {
                c[p] = Character.toLowerCase(c[p]);
            }
        }
        return new String(c);
    }
}
