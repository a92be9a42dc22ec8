package org.bertgeometry.model;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;

/**
 * The position-wise feed-forward sub-layer: intermediate dense + activation, output dense, dropout,
 * residual and LayerNorm (Hugging Face's {@code BertIntermediate} + {@code BertOutput}).
 */
final class FeedForward {

    private static final String INTERMEDIATE = "intermediate.dense";
    private static final String OUTPUT = "output.dense";
    private static final String NORM = "output.LayerNorm";

    private final NDArray wi;
    private final NDArray bi;
    private final NDArray wo;
    private final NDArray bo;
    private final NDArray lnGamma;
    private final NDArray lnBeta;
    private final BertConfig config;

    FeedForward(Map<String, NDArray> p, int layer, BertConfig config) {
        String s = BertWeights.layerPrefix(layer);
        this.wi = p.get(s + INTERMEDIATE + TensorSpec.WEIGHT);
        this.bi = p.get(s + INTERMEDIATE + TensorSpec.BIAS);
        this.wo = p.get(s + OUTPUT + TensorSpec.WEIGHT);
        this.bo = p.get(s + OUTPUT + TensorSpec.BIAS);
        this.lnGamma = p.get(s + NORM + TensorSpec.WEIGHT);
        this.lnBeta = p.get(s + NORM + TensorSpec.BIAS);
        this.config = config;
    }

    /** Layer {@code layer}'s two dense layers and the LayerNorm. */
    static List<TensorSpec> parameters(BertConfig c, int layer) {
        String s = BertWeights.layerPrefix(layer);
        int h = c.hiddenSize();
        int ff = c.intermediateSize();
        return TensorSpec.concat(TensorSpec.linear(s + INTERMEDIATE, ff, h), TensorSpec.linear(s + OUTPUT, h, ff),
                TensorSpec.layerNorm(s + NORM, h));
    }

    /** {@code (B, T, H) -> (B, T, H)}. */
    NDArray forward(NDArray x, boolean training) {
        NDArray pre = Ops.linear(x, wi, bi);                                        // (B, T, intermediate)
        NDArray h = Ops.activate(pre, config.hiddenAct());                          // (B, T, intermediate)
        pre.close();
        NDArray out = Ops.dropout(Ops.linear(h, wo, bo), config.hiddenDropoutProb(), training); // (B, T, H)
        h.close();
        return Ops.layerNorm(out.addi(x), lnGamma, lnBeta, config.layerNormEps());
    }
}
