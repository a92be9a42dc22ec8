package org.bertgeometry.model;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * A LayerNorm's live parameters, gamma ({@code prefix.weight}) and beta ({@code prefix.bias}), fetched
 * by the block that declared them ({@link TensorSpec#layerNorm}).
 */
record Norm(NDArray gamma, NDArray beta) {

    /** The tensors {@code prefix.weight} and {@code prefix.bias} of {@code p}. */
    static Norm of(Map<String, NDArray> p, String prefix) {
        return new Norm(p.get(prefix + TensorSpec.WEIGHT), p.get(prefix + TensorSpec.BIAS));
    }

    /** LayerNorm over the last axis with {@code eps}. */
    NDArray apply(NDArray x, double eps) {
        return Ops.layerNorm(x, gamma, beta, eps);
    }
}
