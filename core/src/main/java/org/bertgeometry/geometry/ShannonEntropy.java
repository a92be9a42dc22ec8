package org.bertgeometry.geometry;

/**
 * Shannon entropy of the histogram of a matrix's values, as the reference implementation computes it
 * (docs/methods.md, "Shannon entropy of a value histogram"): flatten, bin into equal-width bins with
 * pandas {@code cut} semantics (default 20 bins), {@code p_j = count_j / N} and
 * {@code H = -sum_{p_j > 0} p_j ln p_j} (natural log). A measure of the spread of values, not of any
 * row distribution.
 */
public final class ShannonEntropy {

    private ShannonEntropy() {
    }

    /** @param bins number of equal-width bins, default 20 */
    public record Params(int bins) {
        public Params {
            if (bins < 1) {
                throw new IllegalArgumentException("bins must be >= 1, got " + bins);
            }
        }

        public static Params defaults() {
            return new Params(20);
        }
    }

    public static double of(double[][] z) {
        return of(z, Params.defaults());
    }

    /** The entropy of the value histogram of {@code z}. Cost O(N log b). */
    public static double of(double[][] z, Params params) {
        ValueHistogram h = ValueHistogram.pandasCut(ValueHistogram.flatten(z), params.bins());
        double n = h.total();
        double e = 0;
        for (long c : h.counts()) {
            if (c > 0) {
                double p = c / n;
                e -= p * Math.log(p);
            }
        }
        return e;
    }
}
