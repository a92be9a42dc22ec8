package org.bertgeometry.capture;

import org.bertgeometry.capture.HookPoint.Kind;

/**
 * The stable names of the activations a forward pass can expose, as strings, for the forward pass
 * that records them; every name is made by {@link HookPoint}, the typed form sinks and analyses use.
 * See docs/capture.md for the shape of every point.
 */
public final class HookNames {

    /** Embedding output after LayerNorm, {@code (T, hidden)} per sample. */
    public static final String EMBEDDINGS_OUTPUT = HookPoint.of(Kind.EMBEDDINGS_OUTPUT).name();
    /** Final-layer [CLS] vector, {@code (hidden)} per sample. */
    public static final String CLS = HookPoint.of(Kind.CLS).name();
    /** Pooler output {@code tanh(W CLS + b)}, {@code (hidden)} per sample. */
    public static final String POOLED = HookPoint.of(Kind.POOLED).name();

    private HookNames() {
    }

    /** Scaled scores plus additive mask, before softmax: {@code (heads, T, T)}. */
    public static String attentionScores(int layer) {
        return HookPoint.of(Kind.ATTENTION_SCORES, layer).name();
    }

    /** Attention probabilities (rows are queries): {@code (heads, T, T)}. */
    public static String attentionProbs(int layer) {
        return HookPoint.of(Kind.ATTENTION_PROBS, layer).name();
    }

    /** Per-head queries {@code (heads, T, headDim)}, biases included. */
    public static String attentionQ(int layer) {
        return HookPoint.of(Kind.ATTENTION_Q, layer).name();
    }

    /** Per-head keys {@code (heads, T, headDim)}. */
    public static String attentionK(int layer) {
        return HookPoint.of(Kind.ATTENTION_K, layer).name();
    }

    /** Per-head values {@code (heads, T, headDim)}. */
    public static String attentionV(int layer) {
        return HookPoint.of(Kind.ATTENTION_V, layer).name();
    }

    /** Per-head context {@code probs · v}: {@code (heads, T, headDim)}. */
    public static String attentionContext(int layer) {
        return HookPoint.of(Kind.ATTENTION_CONTEXT, layer).name();
    }

    /** Output of encoder layer {@code layer} (after its second LayerNorm): {@code (T, hidden)}. */
    public static String layerOutput(int layer) {
        return HookPoint.of(Kind.LAYER_OUTPUT, layer).name();
    }

    /** [CLS] row of layer {@code layer}'s output: {@code (hidden)}. */
    public static String layerCls(int layer) {
        return HookPoint.of(Kind.LAYER_CLS, layer).name();
    }

    /**
     * The layer a name belongs to, or -1 for model-level names ({@code embeddings.output}, {@code cls},
     * {@code pooled}) and names that are no hook point.
     */
    public static int layerOf(String name) {
        HookPoint p = HookPoint.parseOrNull(name);
        return p == null ? -1 : p.layer();
    }
}
