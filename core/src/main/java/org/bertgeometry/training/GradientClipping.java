package org.bertgeometry.training;

import ai.djl.ndarray.NDArray;
import java.util.Collection;

/**
 * Clipping by the global L2 norm of all gradients, as PyTorch's {@code clip_grad_norm_} does: when
 * the norm exceeds the limit, every gradient is scaled by {@code max / (norm + 1e-6)}. The paper
 * clipped at 1.0.
 */
public final class GradientClipping {

    private GradientClipping() {
    }

    /**
     * Scales the gradients of {@code parameters} in place so that their global norm is at most
     * {@code maxNorm}.
     *
     * @return the global norm before clipping (non-finite when a gradient is; then nothing is scaled)
     */
    public static double clipGlobalNorm(Collection<NDArray> parameters, double maxNorm) {
        double sumSquares = 0;
        for (NDArray p : parameters) {
            if (p.hasGradient()) {
                try (NDArray g = p.getGradient(); NDArray sq = g.square(); NDArray sum = sq.sum()) {
                    sumSquares += sum.getFloat();
                }
            }
        }
        double norm = Math.sqrt(sumSquares);
        if (!Double.isFinite(norm)) {
            return norm;
        }
        double coefficient = maxNorm / (norm + 1e-6);
        if (coefficient < 1) {
            for (NDArray p : parameters) {
                if (p.hasGradient()) {
                    try (NDArray g = p.getGradient()) {
                        g.muli(coefficient);
                    }
                }
            }
        }
        return norm;
    }

    /** Sets every gradient to zero; PyTorch accumulates gradients across backward passes. */
    public static void zeroGradients(Collection<NDArray> parameters) {
        for (NDArray p : parameters) {
            if (p.hasGradient()) {
                try (NDArray g = p.getGradient()) {
                    g.subi(g);
                }
            }
        }
    }
}
