package org.bertgeometry.geometry;

import java.util.List;

/**
 * The "multihead output" used by the reference's per-layer cone-index plot (docs/methods.md,
 * "Per-head recomputation and conventions"): the concatenated head outputs {@code [Y_0 | ... | Y_H-1]}
 * added to the layer input and layer-normalised. In {@link Convention#CODE_COMPAT} this is exactly the
 * reference: no output projection W_O, no bias, and a fresh LayerNorm (gamma 1, beta 0, eps 1e-12). In
 * {@link Convention#HF_EXACT} it is the model's attention sublayer: {@code LN1(X + concat(Y) W_O^T + b_O)}
 * with the trained LayerNorm.
 */
public final class MultiheadOutput {

    /** The reference's fresh-LayerNorm epsilon. */
    public static final double FRESH_LAYER_NORM_EPS = 1e-12;

    private MultiheadOutput() {
    }

    /** CODE_COMPAT: {@code LN_fresh(X + concat(Y))}. */
    public static double[][] codeCompat(double[][] x, List<double[][]> headOutputs) {
        double[][] s = residual(x, concat(x, headOutputs), null, null);
        return layerNorm(s, null, null, FRESH_LAYER_NORM_EPS);
    }

    /**
     * HF_EXACT: {@code LN1(X + concat(Y) W_O^T + b_O)} with the trained output projection ({@code [out,in]},
     * d x d), its bias and the attention LayerNorm's gamma, beta and eps.
     */
    public static double[][] hfExact(double[][] x, List<double[][]> headOutputs, double[][] outputWeight,
            double[] outputBias, double[] gamma, double[] beta, double eps) {
        int d = MatrixChecks.requireRectangular(x, "layer input");
        if (MatrixChecks.requireRectangular(outputWeight, "output projection") != d || outputWeight.length != d) {
            throw new IllegalArgumentException("output projection must be " + d + "x" + d);
        }
        for (double[] v : new double[][] {outputBias, gamma, beta}) {
            if (v == null || v.length != d) {
                throw new IllegalArgumentException("output bias and LayerNorm parameters must have " + d + " entries");
            }
        }
        return layerNorm(residual(x, concat(x, headOutputs), outputWeight, outputBias), gamma, beta, eps);
    }

    /**
     * {@code LN(x + delta)} with the given gain, bias and epsilon: the residual-and-LayerNorm step that ends
     * both sublayers of a BERT layer (used to recompute the feed-forward sublayer after this one).
     */
    public static double[][] addAndNorm(double[][] x, double[][] delta, double[] gamma, double[] beta, double eps) {
        int d = MatrixChecks.requireRectangular(x, "layer input");
        if (MatrixChecks.requireRectangular(delta, "residual update") != d || delta.length != x.length) {
            throw new IllegalArgumentException("the residual update must have the input's shape " + x.length + "x" + d);
        }
        return layerNorm(residual(x, delta, null, null), gamma, beta, eps);
    }

    private static double[][] concat(double[][] x, List<double[][]> ys) {
        int d = MatrixChecks.requireRectangular(x, "layer input");
        int n = x.length;
        if (ys.isEmpty()) {
            throw new IllegalArgumentException("no head outputs given");
        }
        double[][] c = new double[n][d];
        int col = 0;
        for (int h = 0; h < ys.size(); h++) {
            double[][] y = ys.get(h);
            int dk = MatrixChecks.requireRectangular(y, "head output " + h);
            if (y.length != n) {
                throw new IllegalArgumentException("head output " + h + " has " + y.length + " rows but the input has " + n);
            }
            if (col + dk > d) {
                throw new IllegalArgumentException("head outputs are wider than the hidden size " + d);
            }
            for (int i = 0; i < n; i++) {
                System.arraycopy(y[i], 0, c[i], col, dk);
            }
            col += dk;
        }
        if (col != d) {
            throw new IllegalArgumentException("head outputs have " + col + " columns in all, the hidden size is " + d);
        }
        return c;
    }

    private static double[][] residual(double[][] x, double[][] c, double[][] w, double[] b) {
        int n = x.length;
        int d = x[0].length;
        double[][] s = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int o = 0; o < d; o++) {
                double v;
                if (w == null) {
                    v = c[i][o];
                } else {
                    v = b[o];
                    for (int k = 0; k < d; k++) {
                        v += c[i][k] * w[o][k];
                    }
                }
                s[i][o] = x[i][o] + v;
            }
        }
        return s;
    }

    private static double[][] layerNorm(double[][] s, double[] gamma, double[] beta, double eps) {
        int d = s[0].length;
        double[][] out = new double[s.length][d];
        for (int i = 0; i < s.length; i++) {
            double mean = 0;
            for (double v : s[i]) {
                mean += v / d;
            }
            double var = 0;
            for (double v : s[i]) {
                var += (v - mean) * (v - mean) / d;
            }
            double inv = 1 / Math.sqrt(var + eps);
            for (int j = 0; j < d; j++) {
                double z = (s[i][j] - mean) * inv;
                out[i][j] = gamma == null ? z : gamma[j] * z + beta[j];
            }
        }
        return out;
    }
}
