package org.bertgeometry.geometry;

import org.bertgeometry.model.BertWeights;
import org.bertgeometry.model.HostTensor;

/**
 * Slices one attention head's projection out of a layer's {@code [out, in]} weight, in either
 * {@link Convention} (docs/methods.md, "Per-head recomputation and conventions"). The result is
 * always the {@code dk x d} matrix P such that the head's projection of a row vector x is
 * {@code P x}: in HF_EXACT the rows {@code h*dk..h*dk+dk-1} of W (what the model computes), in
 * CODE_COMPAT the transposed column slice {@code W[:, h*dk..]^T} (what the reference computed).
 */
public final class HeadWeights {

    private HeadWeights() {
    }

    /**
     * The head's dk x d projection from an {@code [out, in]} weight given as a square float tensor.
     *
     * @throws IllegalArgumentException if the weight is not square or heads do not divide it
     */
    public static double[][] projection(HostTensor weight, int head, int numHeads, Convention convention) {
        int[] shape = weight.shape();
        if (shape.length != 2 || shape[0] != shape[1]) {
            throw new IllegalArgumentException("attention projection weight must be square [d, d], got "
                    + weight.shapeString());
        }
        int d = shape[0];
        if (numHeads < 1 || d % numHeads != 0) {
            throw new IllegalArgumentException(numHeads + " heads do not divide hidden size " + d);
        }
        if (head < 0 || head >= numHeads) {
            throw new IllegalArgumentException("head " + head + " is outside 0.." + (numHeads - 1));
        }
        int dk = d / numHeads;
        float[] w = weight.data();
        double[][] p = new double[dk][d];
        for (int r = 0; r < dk; r++) {
            for (int c = 0; c < d; c++) {
                // HF: W[h*dk + r, c]; CODE_COMPAT: W[c, h*dk + r]
                p[r][c] = convention == Convention.HF_EXACT ? w[(head * dk + r) * d + c] : w[c * d + head * dk + r];
            }
        }
        return p;
    }

    /** The head's slice of a bias vector ({@code null} in CODE_COMPAT, which used no biases). */
    public static double[] bias(HostTensor bias, int head, int numHeads, Convention convention) {
        if (convention == Convention.CODE_COMPAT) {
            return null;
        }
        int d = bias.data().length;
        if (d % numHeads != 0) {
            throw new IllegalArgumentException(numHeads + " heads do not divide bias length " + d);
        }
        int dk = d / numHeads;
        double[] b = new double[dk];
        for (int r = 0; r < dk; r++) {
            b[r] = bias.data()[head * dk + r];
        }
        return b;
    }

    /** Name of layer l's query, key or value weight ({@code which} = "query", "key", "value"). */
    public static String weightName(int layer, String which) {
        return BertWeights.layerPrefix(layer) + "attention.self." + which + ".weight";
    }

    /** Name of layer l's query, key or value bias. */
    public static String biasName(int layer, String which) {
        return BertWeights.layerPrefix(layer) + "attention.self." + which + ".bias";
    }
}
