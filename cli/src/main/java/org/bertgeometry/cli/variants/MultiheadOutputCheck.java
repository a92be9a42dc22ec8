package org.bertgeometry.cli.variants;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.special.Erf;
import org.bertgeometry.capture.CapturedTensor;
import org.bertgeometry.capture.HookNames;
import org.bertgeometry.geometry.HeadRecomputation;
import org.bertgeometry.geometry.MultiheadOutput;
import org.bertgeometry.model.Activation;
import org.bertgeometry.model.BertConfig;
import org.bertgeometry.model.BertWeights;
import org.bertgeometry.model.HostTensor;

/**
 * The report's check of the multi-head output (docs/methods.md, "Per-head recomputation and conventions"):
 * for one sequence and every layer, the forward pass's per-head context vectors are combined by
 * {@link MultiheadOutput#hfExact} (output projection, residual, attention LayerNorm) in double precision,
 * the feed-forward sublayer is applied from the weights, and the result is compared with the layer output the
 * forward pass produced. A difference near float32 rounding shows that the multi-head output the cone-index
 * analysis reads is the model's own.
 */
final class MultiheadOutputCheck {

    /** Largest absolute difference of one layer's recomputed output from the forward pass's. */
    record Row(int layer, int tokens, double maxAbsDiffLayerOutput) {
    }

    private MultiheadOutputCheck() {
    }

    /**
     * The check on captured activations: {@code c} holds the embeddings output, and every layer's context and
     * output, of one sequence with {@code n} real tokens.
     */
    static List<Row> run(BertWeights weights, BertConfig config, Map<String, CapturedTensor> c, int n) {
        int d = config.hiddenSize();
        int heads = config.numAttentionHeads();
        int inner = config.intermediateSize();
        double eps = config.layerNormEps();
        List<Row> rows = new ArrayList<>();
        for (int l = 0; l < config.numHiddenLayers(); l++) {
            String p = BertWeights.layerPrefix(l);
            double[][] x = HeadRecomputationCheck.rows(c.get(l == 0 ? HookNames.EMBEDDINGS_OUTPUT
                    : HookNames.layerOutput(l - 1)), n);
            List<double[][]> ys = new ArrayList<>();
            for (int h = 0; h < heads; h++) {
                ys.add(firstRows(c.get(HookNames.attentionContext(l)).headMatrix(h), n));
            }
            double[][] wo = matrix(weights.require(p + "attention.output.dense.weight", d, d));
            double[] bo = vector(weights.require(p + "attention.output.dense.bias", d));
            double[][] a = MultiheadOutput.hfExact(x, ys, wo, bo,
                    vector(weights.require(p + "attention.output.LayerNorm.weight", d)),
                    vector(weights.require(p + "attention.output.LayerNorm.bias", d)), eps);
            // feed-forward sublayer: LN2(A + W2 act(W1 A + b1) + b2)
            double[][] w1 = matrix(weights.require(p + "intermediate.dense.weight", inner, d));
            double[] b1 = vector(weights.require(p + "intermediate.dense.bias", inner));
            double[][] hidden = HeadRecomputation.project(a, w1, b1);
            for (double[] r : hidden) {
                for (int j = 0; j < r.length; j++) {
                    r[j] = activate(config.hiddenAct(), r[j]);
                }
            }
            double[][] w2 = matrix(weights.require(p + "output.dense.weight", d, inner));
            double[] b2 = vector(weights.require(p + "output.dense.bias", d));
            double[][] delta = HeadRecomputation.project(hidden, w2, b2);
            double[][] out = MultiheadOutput.addAndNorm(a, delta,
                    vector(weights.require(p + "output.LayerNorm.weight", d)),
                    vector(weights.require(p + "output.LayerNorm.bias", d)), eps);
            double[][] captured = HeadRecomputationCheck.rows(c.get(HookNames.layerOutput(l)), n);
            double max = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    max = Math.max(max, Math.abs(out[i][j] - captured[i][j]));
                }
            }
            rows.add(new Row(l, n, max));
        }
        return rows;
    }

    /** The activation of Hugging Face's {@code hidden_act} (docs/methods.md; {@link Activation}). */
    static double activate(Activation a, double x) {
        return switch (a) {
            case GELU -> 0.5 * x * (1 + Erf.erf(x / Math.sqrt(2)));
            case GELU_NEW -> 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
            case RELU -> Math.max(0, x);
        };
    }

    private static double[][] firstRows(float[][] m, int n) {
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = new double[m[i].length];
            for (int j = 0; j < m[i].length; j++) {
                out[i][j] = m[i][j];
            }
        }
        return out;
    }

    private static double[][] matrix(HostTensor t) {
        int rows = t.dim(0);
        int cols = t.dim(1);
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m[i][j] = t.data()[i * cols + j];
            }
        }
        return m;
    }

    private static double[] vector(HostTensor t) {
        double[] v = new double[t.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = t.data()[i];
        }
        return v;
    }
}
