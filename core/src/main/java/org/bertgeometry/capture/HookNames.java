package org.bertgeometry.capture;

/**
 * The stable names of the activations a forward pass can expose, in the spirit of TransformerLens
 * hook points. Layers are numbered from 0. Per-head points ({@code attention.scores}, {@code .probs},
 * {@code .q}, {@code .k}, {@code .v}, {@code .context}) carry a head axis; see docs/capture.md for the
 * shape of every point.
 */
public final class HookNames {

    /** Embedding output after LayerNorm, {@code (T, hidden)} per sample. */
    public static final String EMBEDDINGS_OUTPUT = "embeddings.output";
    /** Final-layer [CLS] vector, {@code (hidden)} per sample. */
    public static final String CLS = "cls";
    /** Pooler output {@code tanh(W CLS + b)}, {@code (hidden)} per sample. */
    public static final String POOLED = "pooled";

    private HookNames() {
    }

    /** Scaled scores plus additive mask, before softmax: {@code (heads, T, T)}. */
    public static String attentionScores(int layer) {
        return layer(layer) + "attention.scores";
    }

    /** Attention probabilities (rows are queries): {@code (heads, T, T)}. */
    public static String attentionProbs(int layer) {
        return layer(layer) + "attention.probs";
    }

    /** Per-head queries {@code (heads, T, headDim)}, biases included. */
    public static String attentionQ(int layer) {
        return layer(layer) + "attention.q";
    }

    /** Per-head keys {@code (heads, T, headDim)}. */
    public static String attentionK(int layer) {
        return layer(layer) + "attention.k";
    }

    /** Per-head values {@code (heads, T, headDim)}. */
    public static String attentionV(int layer) {
        return layer(layer) + "attention.v";
    }

    /** Per-head context {@code probs · v}: {@code (heads, T, headDim)}. */
    public static String attentionContext(int layer) {
        return layer(layer) + "attention.context";
    }

    /** Output of encoder layer {@code layer} (after its second LayerNorm): {@code (T, hidden)}. */
    public static String layerOutput(int layer) {
        return layer(layer) + "output";
    }

    /** [CLS] row of layer {@code layer}'s output: {@code (hidden)}. */
    public static String layerCls(int layer) {
        return layer(layer) + "cls";
    }

    /**
     * The layer a name belongs to, or -1 for model-level names ({@code embeddings.output}, {@code cls},
     * {@code pooled}).
     */
    public static int layerOf(String name) {
        if (!name.startsWith("layer.")) {
            return -1;
        }
        int end = name.indexOf('.', 6);
        try {
            return Integer.parseInt(name.substring(6, end < 0 ? name.length() : end));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String layer(int layer) {
        return "layer." + layer + ".";
    }
}
