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

    /**
     * k of one row: the float32 cumulative sum of the row's entries in descending order, as the
     * reference implementation's {@code np.cumsum} of a sorted float32 row, first reaching the
     * threshold. Cost O(n): rows of non-negative weights (every attention row) are ordered by a radix
     * sort of their IEEE bit patterns, which orders non-negative floats exactly as their values; other
     * rows fall back to a comparison sort. Both give the same order, hence the same k.
     */
    public static int of(float[] row, Params params) {
        if (row == null || row.length == 0) {
            throw new IllegalArgumentException("attention row is empty");
        }
        int n = row.length;
        int[] bits = new int[n];
        boolean nonNegative = true;
        for (int j = 0; j < n; j++) {
            float v = row[j];
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("attention row has a non-finite value at column " + j);
            }
            bits[j] = Float.floatToRawIntBits(v);
            nonNegative &= bits[j] >= 0;
        }
        float[] ascending;
        if (nonNegative) {
            radixSort(bits);
            ascending = null;
        } else {
            ascending = row.clone();
            Arrays.sort(ascending);
        }
        float cumulative = 0f;
        for (int k = 1; k <= n; k++) {
            cumulative += ascending == null ? Float.intBitsToFloat(bits[n - k]) : ascending[n - k];
            if ((double) cumulative >= params.threshold()) {
                return k;
            }
        }
        return n;
    }

    /** Sorts non-negative ints ascending: three stable passes over 11-bit digits (31 bits in all). */
    private static void radixSort(int[] a) {
        int[] buffer = new int[a.length];
        int[] count = new int[1 << 11];
        int[] from = a;
        int[] to = buffer;
        for (int shift = 0; shift < 31; shift += 11) {
            Arrays.fill(count, 0);
            for (int v : from) {
                count[(v >>> shift) & 0x7FF]++;
            }
            int sum = 0;
            for (int d = 0; d < count.length; d++) {
                int c = count[d];
                count[d] = sum;
                sum += c;
            }
            for (int v : from) {
                to[count[(v >>> shift) & 0x7FF]++] = v;
            }
            int[] t = from;
            from = to;
            to = t;
        }
        if (from != a) {
            System.arraycopy(from, 0, a, 0, a.length);
        }
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
