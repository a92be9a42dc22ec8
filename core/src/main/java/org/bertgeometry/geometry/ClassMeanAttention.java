package org.bertgeometry.geometry;

/**
 * Accumulates the class-mean attention map of one (layer, head) over samples, as the reference
 * implementation does (docs/methods.md, "Class-mean attention maps"): each sample's map has the
 * [SEP] row and column and everything after them zeroed (the [CLS] row and column are kept; rows
 * are not renormalised), is added to a running sum, and a thresholded copy (entries below theta_hi
 * set to 0, default 0.3) is added to a second sum. {@link #mean()} divides the first sum by the
 * sample count; {@link #thresholdedSum()} is, as in the reference, <em>not</em> divided.
 *
 * <p>Whether special and padding positions are zeroed is an explicit option
 * ({@link SpecialHandling}). This is a mutable accumulator owned by one caller (not thread-safe);
 * the streaming capture sink feeds it during inference.
 */
public final class ClassMeanAttention {

    /** What happens to [SEP] and the positions after it. */
    public enum SpecialHandling {
        /** Zero row/column sep and every row/column after it: the reference (default). */
        ZERO_SEP_AND_AFTER,
        /** Keep every position as it is. */
        KEEP_ALL
    }

    /**
     * @param thetaHi  high-confidence threshold, default 0.3
     * @param handling special-position handling, default ZERO_SEP_AND_AFTER
     */
    public record Params(double thetaHi, SpecialHandling handling) {
        public static Params defaults() {
            return new Params(0.3, SpecialHandling.ZERO_SEP_AND_AFTER);
        }
    }

    private final int n;
    private final Params params;
    private final double[][] sum;
    private final double[][] thresholdSum;
    private long count;

    /** An empty accumulator for n x n maps. */
    public ClassMeanAttention(int n, Params params) {
        if (n < 1) {
            throw new IllegalArgumentException("map size must be >= 1, got " + n);
        }
        this.n = n;
        this.params = params;
        this.sum = new double[n][n];
        this.thresholdSum = new double[n][n];
    }

    /**
     * Adds one sample's map. {@code sepIndex} is the position of the first [SEP] (ignored for
     * KEEP_ALL; -1 means the sequence has no [SEP], so nothing is zeroed).
     */
    public void add(float[][] map, int sepIndex) {
        int size = MatrixChecks.requireSquare(map, "attention map");
        if (size != n) {
            throw new IllegalArgumentException("attention map is " + size + "x" + size + " but this accumulator holds "
                    + n + "x" + n + " maps");
        }
        if (sepIndex < -1 || sepIndex >= n) {
            throw new IllegalArgumentException("[SEP] index " + sepIndex + " is outside 0.." + (n - 1));
        }
        int limit = params.handling() == SpecialHandling.KEEP_ALL || sepIndex < 0 ? n : sepIndex;
        for (int i = 0; i < limit; i++) {
            for (int j = 0; j < limit; j++) {
                double v = map[i][j];
                sum[i][j] += v;
                if (v >= params.thetaHi()) {
                    thresholdSum[i][j] += v;
                }
            }
        }
        count++;
    }

    /** Number of maps added. */
    public long count() {
        return count;
    }

    /** The class-mean map (sum / count). */
    public double[][] mean() {
        if (count == 0) {
            throw new IllegalStateException("no attention map was added: the class has no (correct) samples");
        }
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = sum[i][j] / count;
            }
        }
        return m;
    }

    /** The sum of thresholded maps (not divided by the count, as in the reference). */
    public double[][] thresholdedSum() {
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = thresholdSum[i].clone();
        }
        return m;
    }
}
