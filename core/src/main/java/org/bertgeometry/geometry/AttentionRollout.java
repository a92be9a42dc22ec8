package org.bertgeometry.geometry;

import java.util.List;

/**
 * Attention rollout after Abnar and Zuidema 2020 (docs/methods.md, "Attention rollout"), as in the
 * authors' notebook: per layer, average the heads, add the identity for the residual connection and
 * renormalise the rows; then {@code joint_1 = Ahat_1} and {@code joint_l = Ahat_l joint_(l-1)}.
 * Attention flow (a max-flow per output/input pair on the layered graph) is not implemented: on real
 * sizes it needs n^2 max-flow problems on a graph of L n nodes and L n^2 edges (427 positions, 12
 * layers: about 2 million edges per problem), the notebook's own flow run was a no-op, and it is
 * probably not in the paper.
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
