package org.bertgeometry.model;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * A linear layer's live parameters, {@code weight [out, in]} and {@code bias [out]}, fetched by the
 * block that declared them ({@link TensorSpec#linear}).
 */
record Dense(NDArray weight, NDArray bias) {

    /** The tensors {@code prefix.weight} and {@code prefix.bias} of {@code p}. */
    static Dense of(Map<String, NDArray> p, String prefix) {
        return new Dense(p.get(prefix + TensorSpec.WEIGHT), p.get(prefix + TensorSpec.BIAS));
    }

    /** {@code x · Wᵀ + b}: {@code (..., in) -> (..., out)}. */
    NDArray apply(NDArray x) {
        return Ops.linear(x, weight, bias);
    }
}
