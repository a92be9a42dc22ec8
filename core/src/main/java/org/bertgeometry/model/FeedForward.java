package org.bertgeometry.model;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * The position-wise feed-forward sub-layer: intermediate dense + activation, output dense, dropout,
 * residual and LayerNorm (Hugging Face's {@code BertIntermediate} + {@code BertOutput}).
 */
final class FeedForward {

    private final NDArray wi;
    private final NDArray bi;
    private final NDArray wo;
    private final NDArray bo;
    private final NDArray lnGamma;
    private final NDArray lnBeta;
    private final BertConfig config;

    FeedForward(Map<String, NDArray> p, int layer, BertConfig config) {
        String s = BertWeights.layerPrefix(layer);
        this.wi = p.get(s + "intermediate.dense.weight");
        this.bi = p.get(s + "intermediate.dense.bias");
        this.wo = p.get(s + "output.dense.weight");
        this.bo = p.get(s + "output.dense.bias");
        this.lnGamma = p.get(s + "output.LayerNorm.weight");
        this.lnBeta = p.get(s + "output.LayerNorm.bias");
        this.config = config;
    }

    /** {@code (B, T, H) -> (B, T, H)}. */
    NDArray forward(NDArray x, boolean training) {
        NDArray h = Ops.activate(Ops.linear(x, wi, bi), config.hiddenAct());      // (B, T, intermediate)
        NDArray out = Ops.dropout(Ops.linear(h, wo, bo), config.hiddenDropoutProb(), training); // (B, T, H)
        return Ops.layerNorm(out.add(x), lnGamma, lnBeta, config.layerNormEps());
    }
}
