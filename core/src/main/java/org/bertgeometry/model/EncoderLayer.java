package org.bertgeometry.model;

import ai.djl.ndarray.NDArray;
import java.util.Map;
import org.bertgeometry.capture.HookNames;

/** One post-LayerNorm transformer encoder layer: self-attention sub-layer, then feed-forward sub-layer. */
final class EncoderLayer {

    private final SelfAttention attention;
    private final FeedForward feedForward;
    private final int layer;

    EncoderLayer(Map<String, NDArray> p, Dense qkv, FusedAttention fused, int layer, BertConfig config) {
        this.attention = new SelfAttention(p, qkv, fused, layer, config);
        this.feedForward = new FeedForward(p, layer, config);
        this.layer = layer;
    }

    /**
     * {@code (B, T, H) -> (B, T, H)}; {@code maskBias} is null when nothing is padded, {@code autograd}
     * and {@code fuse} as in {@link SelfAttention#forward}.
     */
    NDArray forward(NDArray x, NDArray maskBias, boolean training, boolean autograd, boolean fuse, Recorder rec) {
        NDArray y = feedForward.forward(attention.forward(x, maskBias, training, autograd, fuse, rec), training);
        rec.record(HookNames.layerOutput(layer), y);
        if (rec.wants(HookNames.layerCls(layer))) {
            rec.record(HookNames.layerCls(layer), y.get(":, 0, :")); // (B, H)
        }
        return y;
    }
}
