package org.bertgeometry.model;

import ai.djl.ndarray.NDArray;
import java.util.Map;
import org.bertgeometry.capture.HookNames;

/**
 * Multi-head self-attention plus its output sub-layer, exactly as Hugging Face's
 * {@code BertAttention} computes it: per-head scaled dot products, an additive padding mask, softmax,
 * dropout on the probabilities (training only), context, output projection, dropout, residual and
 * LayerNorm. Head h uses output rows {@code h·headDim .. (h+1)·headDim-1} of the [out, in] weights.
 */
final class SelfAttention {

    private final NDArray wq;
    private final NDArray bq;
    private final NDArray wk;
    private final NDArray bk;
    private final NDArray wv;
    private final NDArray bv;
    private final NDArray wo;
    private final NDArray bo;
    private final NDArray lnGamma;
    private final NDArray lnBeta;
    private final BertConfig config;
    private final int layer;

    SelfAttention(Map<String, NDArray> p, int layer, BertConfig config) {
        String s = BertWeights.layerPrefix(layer) + "attention.";
        this.wq = p.get(s + "self.query.weight");
        this.bq = p.get(s + "self.query.bias");
        this.wk = p.get(s + "self.key.weight");
        this.bk = p.get(s + "self.key.bias");
        this.wv = p.get(s + "self.value.weight");
        this.bv = p.get(s + "self.value.bias");
        this.wo = p.get(s + "output.dense.weight");
        this.bo = p.get(s + "output.dense.bias");
        this.lnGamma = p.get(s + "output.LayerNorm.weight");
        this.lnBeta = p.get(s + "output.LayerNorm.bias");
        this.config = config;
        this.layer = layer;
    }

    /**
     * @param x        {@code (B, T, H)} layer input
     * @param maskBias {@code (B, 1, 1, T)}: 0 for real keys, float min for padded keys
     * @return {@code (B, T, H)}
     */
    NDArray forward(NDArray x, NDArray maskBias, boolean training, Recorder rec) {
        long b = x.getShape().get(0);
        long t = x.getShape().get(1);
        int heads = config.numAttentionHeads();
        int hd = config.headDim();
        NDArray q = split(Ops.linear(x, wq, bq), b, t, heads, hd);                 // (B, heads, T, hd)
        NDArray k = split(Ops.linear(x, wk, bk), b, t, heads, hd);                 // (B, heads, T, hd)
        NDArray v = split(Ops.linear(x, wv, bv), b, t, heads, hd);                 // (B, heads, T, hd)
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2))                        // (B, heads, T, T)
                .div((float) Math.sqrt(hd))
                .add(maskBias);
        NDArray probs = scores.softmax(-1);                                        // (B, heads, T, T)
        NDArray context = Ops.dropout(probs, config.attentionProbsDropoutProb(), training)
                .matMul(v);                                                        // (B, heads, T, hd)
        rec.record(HookNames.attentionQ(layer), q, Recorder.Layout.HEAD_TOKENS);
        rec.record(HookNames.attentionK(layer), k, Recorder.Layout.HEAD_TOKENS);
        rec.record(HookNames.attentionV(layer), v, Recorder.Layout.HEAD_TOKENS);
        rec.record(HookNames.attentionScores(layer), scores, Recorder.Layout.HEAD_MAP);
        rec.record(HookNames.attentionProbs(layer), probs, Recorder.Layout.HEAD_MAP);
        rec.record(HookNames.attentionContext(layer), context, Recorder.Layout.HEAD_TOKENS);
        NDArray merged = context.transpose(0, 2, 1, 3).reshape(b, t, (long) heads * hd); // (B, T, H)
        NDArray out = Ops.dropout(Ops.linear(merged, wo, bo), config.hiddenDropoutProb(), training);
        return Ops.layerNorm(out.add(x), lnGamma, lnBeta, config.layerNormEps());
    }

    /** {@code (B, T, H) -> (B, heads, T, hd)}. */
    private static NDArray split(NDArray y, long b, long t, int heads, int hd) {
        return y.reshape(b, t, heads, hd).transpose(0, 2, 1, 3);
    }
}
