package org.bertgeometry.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;

/**
 * The few tensor primitives the blocks share, each through DJL's public operation for the PyTorch
 * kernel Hugging Face itself uses (torch.nn.functional linear, layer_norm, gelu, relu, dropout), so
 * that results agree to float rounding and autograd flows through them.
 */
final class Ops {

    private static final double SQRT_2_OVER_PI = Math.sqrt(2.0 / Math.PI);

    private Ops() {
    }

    /** {@code x · Wᵀ + b} with {@code W} as {@code [out, in]}: {@code (..., in) -> (..., out)}. */
    static NDArray linear(NDArray x, NDArray weight, NDArray bias) {
        return Linear.linear(x, weight, bias).singletonOrThrow();
    }

    /** LayerNorm over the last axis. */
    static NDArray layerNorm(NDArray x, NDArray gamma, NDArray beta, double eps) {
        Shape last = new Shape(x.getShape().get(x.getShape().dimension() - 1));
        return LayerNorm.layerNorm(x, last, gamma, beta, (float) eps).singletonOrThrow();
    }

    /** Inverted dropout with probability {@code p} when training; identity otherwise. */
    static NDArray dropout(NDArray x, double p, boolean training) {
        if (!training || p == 0) {
            return x;
        }
        return Dropout.dropout(x, (float) p, true).singletonOrThrow();
    }

    /**
     * A 0-dimensional constant of {@code like}'s type in memory PyTorch owns. Arithmetic with a Java number
     * ({@code x.mul(0.5f)}) goes through a scalar tensor over a Java buffer that DJL frees right after the
     * call, while autograd keeps that tensor for the backward pass (the gradient of {@code x / c} reads
     * {@code c}): a garbage collection in between made the backward read freed memory (NaN losses under GC
     * pressure, e.g. in KNIME's parallel node execution). A constant made by PyTorch lives as long as
     * autograd holds it.
     */
    static NDArray scalar(NDArray like, double value) {
        return like.getManager().full(new Shape(), (float) value, like.getDataType());
    }

    /** The feed-forward activation as Hugging Face defines it for each {@code hidden_act}. */
    static NDArray activate(NDArray x, Activation act) {
        switch (act) {
            case GELU:
                // torch.nn.functional.gelu default: the exact erf form
                return ai.djl.nn.Activation.gelu(x);
            case GELU_NEW: {
                // 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))
                NDArray inner = x.add(x.pow(scalar(x, 3)).mul(scalar(x, 0.044715f)))
                        .mul(scalar(x, (float) SQRT_2_OVER_PI));
                return x.mul(scalar(x, 0.5f)).mul(inner.tanh().add(scalar(x, 1f)));
            }
            case RELU:
                return ai.djl.nn.Activation.relu(x);
            default:
                throw new IllegalStateException("unhandled activation " + act);
        }
    }
}
