package org.bertgeometry.geometry;

/**
 * Amino-acid labels of k-mer token positions (docs/methods.md, "Heatmaps and position lists"):
 * with k-mers of k nucleotides taken at stride 9 from the start of the spike, token n (n >= 1)
 * starts at nucleotide 9(n-1) and is labelled {@code "(3n-2)-(3n-2+k/3-1)"} (1-based amino acids;
 * for k = 12, token 71 is "211-214"). Index 0 is "[CLS]". As in the reference implementation, every
 * later index, including [SEP] and padding, gets a numeric label; the labels hold only without an
 * upstream indel that shifts the reading frame.
 */
public final class KmerLabels {

    /** The case study's k-mer length. */
    public static final int DEFAULT_K = 12;

    private KmerLabels() {
    }

    /** Label of token position {@code index} for k-mers of length {@code k} (a multiple of 3). */
    public static String label(int index, int k) {
        if (index < 0) {
            throw new IllegalArgumentException("token index must be >= 0, got " + index);
        }
        if (k < 3 || k % 3 != 0) {
            throw new IllegalArgumentException("k-mer length must be a positive multiple of 3, got " + k);
        }
        if (index == 0) {
            return "[CLS]";
        }
        int start = 3 * index - 2;
        return start + "-" + (start + k / 3 - 1);
    }

    /** Labels of positions 0..n-1. */
    public static String[] labels(int n, int k) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = label(i, k);
        }
        return out;
    }
}
