package org.bertgeometry.geometry;

import java.util.ArrayList;
import java.util.List;
import org.bertgeometry.model.BertWeights;
import org.bertgeometry.model.HostTensor;

/**
 * The reference's "data distribution analysis" (docs/methods.md, "Data distribution"): the histogram
 * of a layer output summed over its token rows (27 bins, numpy binning), the per-row means of the
 * embedding output (LayerNorm outputs should have mean about 0), mean and standard deviation of every
 * LayerNorm gamma/beta, and weight-matrix heatmap data ({@code 100 w / max|w|}).
 */
public final class DataDistribution {

    /** The reference's bin count for layer-output histograms. */
    public static final int DEFAULT_LAYER_OUTPUT_BINS = 27;

    private DataDistribution() {
    }

    /** Column sums of a layer output (n tokens x d): the d-vector the reference histograms. */
    public static double[] sumOverRows(double[][] layerOutput) {
        int d = MatrixChecks.requireRectangular(layerOutput, "layer output");
        double[] v = new double[d];
        for (double[] row : layerOutput) {
            for (int j = 0; j < d; j++) {
                v[j] += row[j];
            }
        }
        return v;
    }

    /** Histogram of {@link #sumOverRows} with numpy binning. */
    public static ValueHistogram layerOutputHistogram(double[][] layerOutput, int bins) {
        return ValueHistogram.numpy(sumOverRows(layerOutput), bins);
    }

    /** Mean of each row (token) of a matrix. */
    public static double[] rowMeans(double[][] x) {
        int d = MatrixChecks.requireRectangular(x, "matrix");
        double[] m = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (double v : x[i]) {
                s += v;
            }
            m[i] = s / d;
        }
        return m;
    }

    /**
     * Summary of one parameter vector.
     *
     * @param name       tensor name
     * @param mean       mean
     * @param std        population standard deviation (numpy's default, ddof 0)
     * @param sampleStd  sample standard deviation (torch's default, ddof 1; NaN for one value)
     */
    public record ParameterStats(String name, double mean, double std, double sampleStd) {
    }

    /** Mean and standard deviations of a tensor's values. */
    public static ParameterStats stats(String name, HostTensor t) {
        float[] v = t.data();
        double mean = 0;
        for (float f : v) {
            mean += f;
        }
        mean /= v.length;
        double ss = 0;
        for (float f : v) {
            ss += (f - mean) * (f - mean);
        }
        return new ParameterStats(name, mean, Math.sqrt(ss / v.length),
                v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : Double.NaN);
    }

    /** Stats of every LayerNorm weight and bias (embedding, attention-output and output LayerNorms), in map order. */
    public static List<ParameterStats> layerNormStats(BertWeights weights) {
        List<ParameterStats> out = new ArrayList<>();
        for (var e : weights.asMap().entrySet()) {
            String n = e.getKey();
            if (n.contains("LayerNorm.") && (n.endsWith(".weight") || n.endsWith(".bias")
                    || n.endsWith(".gamma") || n.endsWith(".beta"))) {
                out.add(stats(n, e.getValue()));
            }
        }
        return out;
    }

    /** Heatmap data of a 2-D weight: {@code 100 w / max|w|} (all zeros stays zeros). */
    public static double[][] weightHeatmap(HostTensor weight) {
        if (weight.shape().length != 2) {
            throw new IllegalArgumentException("weight heatmap needs a 2-D tensor, got " + weight.shapeString());
        }
        int rows = weight.shape()[0];
        int cols = weight.shape()[1];
        double max = 0;
        for (float f : weight.data()) {
            if (!Float.isFinite(f)) {
                throw new IllegalArgumentException("weight has a non-finite value " + f);
            }
            max = Math.max(max, Math.abs(f));
        }
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[i][j] = max == 0 ? 0 : 100.0 * weight.data()[i * cols + j] / max;
            }
        }
        return out;
    }
}
