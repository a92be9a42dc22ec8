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

    private final Dense intermediate;
    private final Dense output;
    private final Norm norm;
    private final BertConfig config;

    FeedForward(Map<String, NDArray> p, int layer, BertConfig config) {
        String s = BertWeights.layerPrefix(layer);
        this.intermediate = Dense.of(p, s + INTERMEDIATE);
        this.output = Dense.of(p, s + OUTPUT);
        this.norm = Norm.of(p, s + NORM);
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
        NDArray pre = intermediate.apply(x);                                       // (B, T, intermediate)
        NDArray h = Ops.activate(pre, config.hiddenAct());                          // (B, T, intermediate)
        pre.close();
        NDArray out = Ops.dropout(output.apply(h), config.hiddenDropoutProb(), training); // (B, T, H)
        h.close();
        return norm.apply(out.addi(x), config.layerNormEps());
    }
}
