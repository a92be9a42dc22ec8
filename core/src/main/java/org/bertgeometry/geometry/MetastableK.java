package org.bertgeometry.geometry;

import java.util.Arrays;

/**
 * Metastable-state size k of attention rows after Ramsauer et al. 2020 (docs/methods.md,
 * "Metastable-state size"): the smallest number of keys whose largest weights add up to at least
 * a threshold (default 0.90). This is the reference implementation's measure behind its violin plots.
 *
 * <p>Semantics match the reference exactly: the row is float32 and the cumulative sum of the
 * largest entries is accumulated in float32 and compared with the threshold in double. So
 * {@code [0.7, 0.2, 0.1]} gives 3, because {@code 0.7f + 0.2f} rounds to {@code 0.9f}, which is below
 * the double 0.9. A row whose total never reaches the threshold gives its length.
 */
public final class MetastableK {

    private MetastableK() {
    }

    /**
     * @param threshold cumulative-mass threshold, default 0.90
     */
    public record Params(double threshold) {
        public Params {
            if (!(threshold > 0 && threshold <= 1)) {
                throw new IllegalArgumentException("k threshold must be in (0, 1], got " + threshold);
            }
        }

        public static Params defaults() {
            return new Params(0.90);
        }
    }

    /** Per-head summary: median and minimum of k over the rows (the reference's "median (min)"). */
    public record Summary(double median, int min, int max, int[] perRow) {
    }

    /** k of one row. Cost O(n log n). */
    public static int of(float[] row, Params params) {
        if (row == null || row.length == 0) {
            throw new IllegalArgumentException("attention row is empty");
        }
        float[] sorted = row.clone();
        for (int j = 0; j < sorted.length; j++) {
            if (!Float.isFinite(sorted[j])) {
                throw new IllegalArgumentException("attention row has a non-finite value at column " + j);
            }
        }
        Arrays.sort(sorted);
        float cumulative = 0f;
        for (int k = 1; k <= sorted.length; k++) {
            cumulative += sorted[sorted.length - k];
            if ((double) cumulative >= params.threshold()) {
                return k;
            }
        }
        return sorted.length;
    }

    /** k of every row and their median (average of the two middle values for even counts) and min. */
    public static Summary ofRows(float[][] rows, Params params) {
        MatrixChecks.requireRectangular(rows, "attention matrix");
        int[] ks = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            ks[i] = of(rows[i], params);
        }
        int[] s = ks.clone();
        Arrays.sort(s);
        int n = s.length;
        double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
        return new Summary(median, s[0], s[n - 1], ks);
    }
}
