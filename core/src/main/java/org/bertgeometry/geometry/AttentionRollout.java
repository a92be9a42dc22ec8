package org.bertgeometry.geometry;

import java.util.List;

/**
 * Attention rollout after Abnar and Zuidema 2020 (docs/methods.md, "Attention rollout"), as in the
 * authors' notebook: per layer, average the heads, add the identity for the residual connection and
 * renormalise the rows; then {@code joint_1 = Ahat_1} and {@code joint_l = Ahat_l joint_(l-1)}.
 * Attention flow, the same paper's other measure, is {@link AttentionFlow}: the same
 * {@link #augmented} maps become capacities of a directed layered network whose edges run from each
 * position of a layer to every position of the layer below, and the flow of an (output, input) pair
 * is the maximum flow between them, as in the authors' reference code (samiraabnar/attention_flow,
 * attention_graph_util.py; docs/methods.md, "Attention flow"). Rollout costs O(L n^3) for all pairs;
 * flow from one output position costs n max-flows: at 427 positions and 12 layers of 12 heads,
 * 3.6 to 4.1 s against 0.22 s for this rollout, one thread each, same JVM, on a shared 2-core machine
 * (benchmarks' {@code AttentionFlowBenchmark}; command and table in docs/performance.md,
 * "Attention flow").
 */
public final class AttentionRollout {

    private AttentionRollout() {
    }

    /** One layer's heads averaged, plus identity, rows renormalised. */
    public static double[][] augmented(List<double[][]> heads) {
        double[][] mean = HighAttention.mean(heads);
        int n = mean.length;
        for (int i = 0; i < n; i++) {
            mean[i][i] += 1;
            double s = 0;
            for (double v : mean[i]) {
                s += v;
            }
            for (int j = 0; j < n; j++) {
                mean[i][j] /= s;
            }
        }
        return mean;
    }

    /**
     * The rollout through all layers, first layer first. Cost O(L n^3).
     *
     * @param layers per layer, the list of head maps
     */
    public static double[][] rollout(List<List<double[][]>> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("no layers to roll out");
        }
        double[][] joint = augmented(layers.get(0));
        for (int l = 1; l < layers.size(); l++) {
            double[][] a = augmented(layers.get(l));
            if (a.length != joint.length) {
                throw new IllegalArgumentException("layer " + l + " maps are " + a.length + "x" + a.length
                        + " but layer 0 maps are " + joint.length + "x" + joint.length);
            }
            joint = multiply(a, joint);
        }
        return joint;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double aik = a[i][k];
                if (aik == 0) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    c[i][j] += aik * b[k][j];
                }
            }
        }
        return c;
    }
}
