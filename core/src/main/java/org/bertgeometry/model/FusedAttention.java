package org.bertgeometry.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;

/**
 * softmax(q·kᵀ/√d + mask)·v in one call to PyTorch's {@code scaled_dot_product_attention}, for
 * inference passes that capture neither the scores nor the probabilities of a layer. The same
 * arithmetic as the step-by-step path of {@link SelfAttention} (scale 1/√headDim, additive mask), but
 * computed block by block without writing the (heads, T, T) arrays out: a whole all-MiniLM pass at
 * 8 × 128 tokens takes 3–8 % less time, nothing measurable at 32 or at 512 tokens (docs/performance.md,
 * "Fused attention"). Results agree with the
 * step-by-step path to float rounding, not bit for bit (the sums run in another order;
 * {@code BertModelTest}). DJL 0.36 has no call for this operation, so it runs through a
 * {@link ScriptModule} whose two methods call it with and without a mask.
 */
final class FusedAttention {

    private static final String SOURCE = String.join("\n",
            "class FusedAttention(Module):",
            "  __parameters__ = []",
            "  __buffers__ = []",
            "  training : bool",
            "  def forward(self: __torch__.FusedAttention,",
            "    q: Tensor,",
            "    k: Tensor,",
            "    v: Tensor) -> Tensor:",
            "    return torch.scaled_dot_product_attention(q, k, v)",
            "  def masked(self: __torch__.FusedAttention,",
            "    q: Tensor,",
            "    k: Tensor,",
            "    v: Tensor,",
            "    mask: Tensor) -> Tensor:",
            "    return torch.scaled_dot_product_attention(q, k, v, mask)",
            "");

    private final PtSymbolBlock module;

    /** Compiles the module into {@code manager}, which owns it from then on. */
    FusedAttention(NDManager manager) {
        this.module = ScriptModule.load(manager, "FusedAttention", SOURCE);
    }

    /**
     * @param q,k,v    {@code (b, heads, T, headDim)}
     * @param maskBias {@code (b, 1, 1, T)} added to the scores (float min for padded keys), or null
     * @return {@code (b, heads, T, headDim)}, owned by {@code q}'s manager
     */
    NDArray attend(NDArray q, NDArray k, NDArray v, NDArray maskBias) {
        IValue[] args = maskBias == null
                ? new IValue[] {value(q), value(k), value(v)}
                : new IValue[] {value(q), value(k), value(v), value(maskBias)};
        try (IValue result = IValueUtils.runMethod(module, maskBias == null ? "forward" : "masked", args)) {
            return result.toTensor((PtNDManager) q.getManager());
        } finally {
            for (IValue a : args) {
                a.close();
            }
        }
    }

    private static IValue value(NDArray x) {
        return IValue.from((PtNDArray) x);
    }
}
