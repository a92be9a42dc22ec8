package org.bertgeometry.geometry;

/**
 * Equal-width histograms of a matrix's values with the two binning rules the reference used
 * (docs/methods.md, "Shannon entropy of a value histogram" and "Data distribution"):
 * pandas {@code cut(bins=b)} for the Shannon entropy (right-closed bins, first edge lowered by 0.1 %
 * of the range) and numpy {@code histogram(bins=b)} for the layer-output plots (left-closed bins,
 * last bin closed). Edges follow numpy {@code linspace}: {@code start + i*step}, last edge = max.
 *
 * @param edges  b+1 bin edges
 * @param counts b counts
 */
public record ValueHistogram(double[] edges, long[] counts) {

    /** Total number of values. */
    public long total() {
        long t = 0;
        for (long c : counts) {
            t += c;
        }
        return t;
    }

    /** pandas {@code cut(values, bins)} counts (right-closed intervals). */
    public static ValueHistogram pandasCut(double[] values, int bins) {
        double[] mm = minMax(values, bins);
        double min = mm[0];
        double max = mm[1];
        double[] edges;
        if (min == max) {
            // pandas widens a constant range by 0.1 % on each side (or by 0.001 around zero)
            double adj = min != 0 ? 0.001 * Math.abs(min) : 0.001;
            edges = linspace(min - adj, max + adj, bins + 1);
        } else {
            edges = linspace(min, max, bins + 1);
            edges[0] -= (max - min) * 0.001;
        }
        long[] counts = new long[bins];
        for (double v : values) {
            // right-closed (a, b]: the first edge >= v closes v's bin
            int lo = 0;
            int hi = edges.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (edges[mid] >= v) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            counts[Math.max(lo - 1, 0)]++;
        }
        return new ValueHistogram(edges, counts);
    }

    /** numpy {@code histogram(values, bins)} counts (left-closed, last bin closed). */
    public static ValueHistogram numpy(double[] values, int bins) {
        double[] mm = minMax(values, bins);
        double min = mm[0];
        double max = mm[1];
        if (min == max) {
            min -= 0.5;
            max += 0.5;
        }
        double[] edges = linspace(min, max, bins + 1);
        long[] counts = new long[bins];
        for (double v : values) {
            int lo = 0;
            int hi = edges.length - 1;
            // last edge index whose value is <= v
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (edges[mid] <= v) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            counts[Math.min(lo, bins - 1)]++;
        }
        return new ValueHistogram(edges, counts);
    }

    private static double[] minMax(double[] values, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("number of bins must be >= 1, got " + bins);
        }
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("no values to histogram");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("non-finite value " + v + " at position " + i
                        + ": clean the input first");
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new double[] {min, max};
    }

    static double[] linspace(double start, double stop, int num) {
        double[] y = new double[num];
        double step = (stop - start) / (num - 1);
        for (int i = 0; i < num; i++) {
            y[i] = i * step + start;
        }
        y[num - 1] = stop;
        return y;
    }

    /** Row-major flattening of a matrix. */
    public static double[] flatten(double[][] z) {
        MatrixChecks.requireRectangular(z, "matrix");
        int cols = z[0].length;
        double[] v = new double[z.length * cols];
        for (int i = 0; i < z.length; i++) {
            System.arraycopy(z[i], 0, v, i * cols, cols);
        }
        return v;
    }
}
