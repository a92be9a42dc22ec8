package org.bertgeometry.geometry;

import org.bertgeometry.model.BertWeights;
import org.bertgeometry.model.HostTensor;

/**
 * Recomputes one attention head from a layer input X (docs/methods.md, "Per-head recomputation and
 * conventions"): {@code Q = X P_Q^T (+ b_Q)}, K and V likewise,
 * {@code P = softmax_row(Q K^T / sqrt(dk))} and {@code Y = P V}. In {@link Convention#CODE_COMPAT}
 * the projections are the reference's transposed column slices, there are no biases and no padding
 * mask (softmax over every key); in {@link Convention#HF_EXACT} they are the model's row slices plus
 * biases, and masked keys get probability 0. Computed in double; the reference used float32, so
 * CODE_COMPAT values agree with it to float32 rounding (about 1e-6 relative), not bit for bit.
 * Which hidden state feeds layer l is {@link Convention#hiddenStateIndex}.
 */
public final class HeadRecomputation {

    private HeadRecomputation() {
    }

    /**
     * The head's activations.
     *
     * @param q n x dk queries; @param k n x dk keys; @param v n x dk values
     * @param p n x n attention probabilities; @param y n x dk head output P V
     */
    public record Activations(double[][] q, double[][] k, double[][] v, double[][] p, double[][] y) {
    }

    /**
     * Recomputes head {@code head} of layer {@code layer} from the model's weights.
     *
     * @param x        layer input, n x d (choose it with {@link Convention#hiddenStateIndex})
     * @param keyMask  true for real keys, false for padding; only HF_EXACT uses it (null = all real)
     */
    public static Activations of(BertWeights weights, int layer, int head, int numHeads, double[][] x,
            boolean[] keyMask, Convention convention) {
        int d = MatrixChecks.requireRectangular(x, "layer input");
        HostTensor wq = weights.require(HeadWeights.weightName(layer, "query"), d, d);
        HostTensor wk = weights.require(HeadWeights.weightName(layer, "key"), d, d);
        HostTensor wv = weights.require(HeadWeights.weightName(layer, "value"), d, d);
        double[] bq = null;
        double[] bk = null;
        double[] bv = null;
        if (convention == Convention.HF_EXACT) {
            bq = HeadWeights.bias(weights.require(HeadWeights.biasName(layer, "query"), d), head, numHeads, convention);
            bk = HeadWeights.bias(weights.require(HeadWeights.biasName(layer, "key"), d), head, numHeads, convention);
            bv = HeadWeights.bias(weights.require(HeadWeights.biasName(layer, "value"), d), head, numHeads, convention);
        }
        return of(x, HeadWeights.projection(wq, head, numHeads, convention), bq,
                HeadWeights.projection(wk, head, numHeads, convention), bk,
                HeadWeights.projection(wv, head, numHeads, convention), bv,
                convention == Convention.HF_EXACT ? keyMask : null);
    }

    /**
     * Recomputes a head from explicit dk x d projections and optional biases (null = none) and key
     * mask (null = every key is real).
     */
    public static Activations of(double[][] x, double[][] pq, double[] bq, double[][] pk, double[] bk,
            double[][] pv, double[] bv, boolean[] keyMask) {
        int d = MatrixChecks.requireRectangular(x, "layer input");
        int n = x.length;
        for (double[][] p : new double[][][] {pq, pk, pv}) {
            if (MatrixChecks.requireRectangular(p, "head projection") != d) {
                throw new IllegalArgumentException("head projection has " + p[0].length
                        + " input columns but the layer input has " + d);
            }
        }
        if (keyMask != null && keyMask.length != n) {
            throw new IllegalArgumentException("key mask has " + keyMask.length + " entries for " + n + " positions");
        }
        double[][] q = project(x, pq, bq);
        double[][] k = project(x, pk, bk);
        double[][] v = project(x, pv, bv);
        int dk = pq.length;
        double scale = 1 / Math.sqrt(dk);
        double[][] p = new double[n][n];
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                if (keyMask != null && !keyMask[j]) {
                    p[i][j] = Double.NEGATIVE_INFINITY;
                    continue;
                }
                double s = 0;
                for (int c = 0; c < dk; c++) {
                    s += q[i][c] * k[j][c];
                }
                p[i][j] = s * scale;
                max = Math.max(max, p[i][j]);
            }
            if (max == Double.NEGATIVE_INFINITY) {
                throw new IllegalArgumentException("key mask hides every position: nothing to attend to");
            }
            double z = 0;
            for (int j = 0; j < n; j++) {
                p[i][j] = p[i][j] == Double.NEGATIVE_INFINITY ? 0 : Math.exp(p[i][j] - max);
                z += p[i][j];
            }
            for (int j = 0; j < n; j++) {
                p[i][j] /= z;
            }
        }
        double[][] y = new double[n][dk];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double w = p[i][j];
                if (w == 0) {
                    continue;
                }
                for (int c = 0; c < dk; c++) {
                    y[i][c] += w * v[j][c];
                }
            }
        }
        return new Activations(q, k, v, p, y);
    }

    /**
     * {@code x projᵀ + bias}: each row of {@code x} times each row of the {@code [out, in]} matrix
     * {@code proj}, plus the bias (null = none), in double. Also the dense layers of the report's
     * multi-head output check.
     */
    public static double[][] project(double[][] x, double[][] proj, double[] bias) {
        int n = x.length;
        int dk = proj.length;
        if (bias != null && bias.length != dk) {
            throw new IllegalArgumentException("bias has " + bias.length + " entries for head dimension " + dk);
        }
        double[][] out = new double[n][dk];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < dk; r++) {
                double s = bias == null ? 0 : bias[r];
                double[] pr = proj[r];
                double[] xi = x[i];
                for (int c = 0; c < pr.length; c++) {
                    s += xi[c] * pr[c];
                }
                out[i][r] = s;
            }
        }
        return out;
    }
}
