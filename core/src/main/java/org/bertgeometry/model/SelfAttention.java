package org.bertgeometry.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import java.util.List;
import java.util.Map;
import org.bertgeometry.capture.HookNames;

/**
 * Multi-head self-attention plus its output sub-layer, exactly as Hugging Face's
 * {@code BertAttention} computes it: per-head scaled dot products, an additive padding mask, softmax,
 * dropout on the probabilities (training only), context, output projection, dropout, residual and
 * LayerNorm. Head h uses output rows {@code h·headDim .. (h+1)·headDim-1} of the [out, in] weights.
 *
 * <p>Memory and speed: the {@code (B, heads, T, T)} arrays (scores, probabilities) dominate at long
 * sequences, so attention runs on slices of the batch of at most {@link #CHUNK_BYTES} of scores
 * ({@link #chunkRows}), the scaling and the mask are applied in place, and each array is closed as
 * soon as the next step has read it; the caller frees the rest when the layer is done. Inference passes
 * that capture neither this layer's scores nor its probabilities skip those arrays altogether: each
 * slice is one {@link FusedAttention} call, equal to the step-by-step path to float rounding.
 */
final class SelfAttention {

    static final String QUERY = "attention.self.query";
    static final String KEY = "attention.self.key";
    static final String VALUE = "attention.self.value";
    private static final String OUTPUT = "attention.output.dense";
    private static final String NORM = "attention.output.LayerNorm";

    /** Budget for one slice's score array: under glibc's largest mmap threshold (32 MB), see {@link #chunkRows}. */
    static final long CHUNK_BYTES = 16L << 20;

    private final Dense query;
    private final Dense key;
    private final Dense value;
    /** The three projections as one ({@link FusedQkv}); {@code query}, {@code key}, {@code value} are its row views. */
    private final Dense qkv;
    private final Dense output;
    private final Norm norm;
    /** softmax(q·kᵀ/√d + mask)·v in one call, for layers whose scores and probabilities nobody reads. */
    private final FusedAttention fusedAttention;
    private final BertConfig config;
    private final int layer;

    SelfAttention(Map<String, NDArray> p, Dense qkv, FusedAttention fused, int layer, BertConfig config) {
        String s = BertWeights.layerPrefix(layer);
        this.qkv = qkv;
        this.fusedAttention = fused;
        this.query = Dense.of(p, s + QUERY);
        this.key = Dense.of(p, s + KEY);
        this.value = Dense.of(p, s + VALUE);
        this.output = Dense.of(p, s + OUTPUT);
        this.norm = Norm.of(p, s + NORM);
        this.config = config;
        this.layer = layer;
    }

    /** Layer {@code layer}'s query, key, value and output projections and the LayerNorm. */
    static List<TensorSpec> parameters(BertConfig c, int layer) {
        String s = BertWeights.layerPrefix(layer);
        int h = c.hiddenSize();
        return TensorSpec.concat(TensorSpec.linear(s + QUERY, h, h), TensorSpec.linear(s + KEY, h, h),
                TensorSpec.linear(s + VALUE, h, h), TensorSpec.linear(s + OUTPUT, h, h),
                TensorSpec.layerNorm(s + NORM, h));
    }

    /**
     * @param x        {@code (B, T, H)} layer input
     * @param maskBias {@code (B, 1, 1, T)}: 0 for real keys, float min for padded keys; null when no key
     *                 is padded (adding 0 would change nothing)
     * @param autograd whether autograd records this pass: then the query, key and value projections run
     *                 on their own parameters, so gradients reach them; otherwise as one fused product
     *                 (one native call instead of nine)
     * @param fuse     whether attention may run as one {@link FusedAttention} call where this layer's
     *                 scores and probabilities are not captured (inference only: the caller decides)
     * @return {@code (B, T, H)}
     */
    NDArray forward(NDArray x, NDArray maskBias, boolean training, boolean autograd, boolean fuse, Recorder rec) {
        long b = x.getShape().get(0);
        long t = x.getShape().get(1);
        int heads = config.numAttentionHeads();
        int hd = config.headDim();
        NDArray q;
        NDArray k;
        NDArray v;
        if (autograd) {
            q = split(query.apply(x), b, t, heads, hd);                            // (B, heads, T, hd)
            k = split(key.apply(x), b, t, heads, hd);                              // (B, heads, T, hd)
            v = split(value.apply(x), b, t, heads, hd);                            // (B, heads, T, hd)
        } else {
            // one (B, T, 3H) product, its columns the same dot products as the three separate ones
            NDList parts = split(qkv.apply(x), b, t, 3 * heads, hd).split(3, 1);  // 3 x (B, heads, T, hd)
            q = parts.get(0);
            k = parts.get(1);
            v = parts.get(2);
        }
        rec.record(HookNames.attentionQ(layer), q);
        rec.record(HookNames.attentionK(layer), k);
        rec.record(HookNames.attentionV(layer), v);
        // the fused call never writes the (heads, T, T) arrays, so it serves layers whose arrays nobody reads
        boolean fused = fuse && !rec.wants(HookNames.attentionScores(layer))
                && !rec.wants(HookNames.attentionProbs(layer));
        long rows = chunkRows(b, heads, t);
        NDList contexts = new NDList();
        for (long from = 0; from < b; from += rows) {
            long to = Math.min(b, from + rows);
            NDArray mask = maskBias == null ? null : slice(maskBias, from, to, b);  // (b, 1, 1, T)
            NDArray qs = slice(q, from, to, b);
            NDArray ks = slice(k, from, to, b);
            NDArray vs = slice(v, from, to, b);
            contexts.add(fused ? fusedAttention.attend(qs, ks, vs, mask)
                    : attend(qs, ks, vs, mask, (int) from, training, rec));
            if (mask != maskBias) {
                mask.close();                                 // a view owned by the pass, not the layer
            }
        }
        NDArray context = contexts.size() == 1 ? contexts.singletonOrThrow()
                : NDArrays.concat(contexts, 0);                                    // (B, heads, T, hd)
        rec.record(HookNames.attentionContext(layer), context);
        NDArray merged = context.transpose(0, 2, 1, 3).reshape(b, t, (long) heads * hd); // (B, T, H)
        NDArray out = Ops.dropout(output.apply(merged), config.hiddenDropoutProb(), training);
        return norm.apply(out.addi(x), config.layerNormEps());
    }

    /**
     * Scores, probabilities and context for batch rows {@code firstRow ..} (the arguments are those
     * rows' slices; {@code maskBias} null when nothing is padded): {@code (b, heads, T, hd) -> (b, heads, T, hd)}.
     */
    private NDArray attend(NDArray q, NDArray k, NDArray v, NDArray maskBias, int firstRow, boolean training,
            Recorder rec) {
        // (q·kᵀ)/√hd + mask, as Hugging Face rounds it; in place, so one (b, heads, T, T) array
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2))                        // (b, heads, T, T)
                .divi(Ops.scalar(q, (float) Math.sqrt(config.headDim())));
        if (maskBias != null) {
            scores.addi(maskBias);
        }
        rec.record(HookNames.attentionScores(layer), scores, firstRow);
        NDArray probs = scores.softmax(-1);                                        // (b, heads, T, T)
        scores.close();
        rec.record(HookNames.attentionProbs(layer), probs, firstRow);
        NDArray dropped = Ops.dropout(probs, config.attentionProbsDropoutProb(), training);
        NDArray context = dropped.matMul(v);                                       // (b, heads, T, hd)
        dropped.close();
        probs.close();
        return context;
    }

    /**
     * Batch rows whose {@code (rows, heads, T, T)} score array stays within {@link #CHUNK_BYTES}, at
     * least one. Attention runs on such slices of the batch one after another: the per-slice arrays are
     * small enough for the C allocator to reuse freed memory instead of mapping fresh pages for every
     * array (glibc maps anything above its threshold, at most 32 MB, anew each time, and page faults
     * on the fresh pages cost more than the softmax itself at 8 × 512), and they stay in cache between
     * the steps. Each row's result is the same as in one batched call.
     */
    static long chunkRows(long batch, int heads, long t) {
        long perRow = heads * t * t * Float.BYTES;
        return Math.max(1, Math.min(batch, CHUNK_BYTES / perRow));
    }

    /** Rows {@code from .. to-1} of axis 0, or {@code x} itself when that is all of it. */
    private static NDArray slice(NDArray x, long from, long to, long b) {
        return from == 0 && to == b ? x : x.get(new NDIndex().addSliceDim(from, to));
    }

    /** {@code (B, T, heads·hd) -> (B, heads, T, hd)}. */
    private static NDArray split(NDArray y, long b, long t, int heads, int hd) {
        return y.reshape(b, t, heads, hd).transpose(0, 2, 1, 3);
    }
}
