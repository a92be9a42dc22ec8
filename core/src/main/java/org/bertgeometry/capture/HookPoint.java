package org.bertgeometry.capture;

import java.util.ArrayList;
import java.util.List;

/**
 * One named activation a forward pass can expose (after TransformerLens's hook points): its kind, the
 * layer it belongs to (-1 for model-level points) and hence its stable name such as
 * {@code layer.3.attention.probs}. Every hook name in the project is made or parsed here, so sinks
 * ask {@code point.kind() == Kind.ATTENTION_PROBS} instead of matching strings, and
 * {@link #all(int, boolean)} lists a model's points (TransformerLens's {@code hook_dict}).
 *
 * @param kind  what the point holds
 * @param layer 0-based layer for layer-scoped kinds, -1 otherwise
 */
public record HookPoint(Kind kind, int layer) {

    /** How a point is laid out per sample (shapes in docs/capture.md). */
    public enum Layout {
        /** {@code (T, hidden)}. */
        TOKENS,
        /** {@code (heads, T, T)}. */
        HEAD_MAP,
        /** {@code (heads, T, headDim)}. */
        HEAD_TOKENS,
        /** {@code (hidden)}. */
        VECTOR
    }

    /** The kinds of hook point, with their name suffix and layout. */
    public enum Kind {
        EMBEDDINGS_OUTPUT("embeddings.output", Layout.TOKENS, false),
        ATTENTION_Q("attention.q", Layout.HEAD_TOKENS, true),
        ATTENTION_K("attention.k", Layout.HEAD_TOKENS, true),
        ATTENTION_V("attention.v", Layout.HEAD_TOKENS, true),
        ATTENTION_SCORES("attention.scores", Layout.HEAD_MAP, true),
        ATTENTION_PROBS("attention.probs", Layout.HEAD_MAP, true),
        ATTENTION_CONTEXT("attention.context", Layout.HEAD_TOKENS, true),
        LAYER_OUTPUT("output", Layout.TOKENS, true),
        LAYER_CLS("cls", Layout.VECTOR, true),
        CLS("cls", Layout.VECTOR, false),
        POOLED("pooled", Layout.VECTOR, false);

        private final String suffix;
        private final Layout layout;
        private final boolean layerScoped;

        Kind(String suffix, Layout layout, boolean layerScoped) {
            this.suffix = suffix;
            this.layout = layout;
            this.layerScoped = layerScoped;
        }

        /** The layout of this kind's tensors. */
        public Layout layout() {
            return layout;
        }

        /** Whether points of this kind belong to a layer. */
        public boolean layerScoped() {
            return layerScoped;
        }

        /** Whether the tensors carry a head axis. */
        public boolean perHead() {
            return layout == Layout.HEAD_MAP || layout == Layout.HEAD_TOKENS;
        }

        /** The glob that matches this kind in every layer, e.g. {@code layer.*.attention.probs}. */
        public String glob() {
            return layerScoped ? "layer.*." + suffix : suffix;
        }
    }

    public HookPoint {
        if (kind.layerScoped() ? layer < 0 : layer != -1) {
            throw new IllegalArgumentException(kind + (kind.layerScoped() ? " needs a layer >= 0" : " has no layer")
                    + ", got " + layer);
        }
    }

    /** A model-level point ({@code embeddings.output}, {@code cls}, {@code pooled}). */
    public static HookPoint of(Kind kind) {
        return new HookPoint(kind, -1);
    }

    /** A layer-scoped point. */
    public static HookPoint of(Kind kind, int layer) {
        return new HookPoint(kind, layer);
    }

    /** The stable name, e.g. {@code layer.3.attention.probs}. */
    public String name() {
        return kind.layerScoped() ? "layer." + layer + "." + kind.suffix : kind.suffix;
    }

    /** The layout of this point's tensors. */
    public Layout layout() {
        return kind.layout();
    }

    /**
     * The point a name denotes.
     *
     * @throws IllegalArgumentException when {@code name} is not a hook name
     */
    public static HookPoint parse(String name) {
        HookPoint p = parseOrNull(name);
        if (p == null) {
            throw new IllegalArgumentException("'" + name + "' is not a hook point; known points: " + all(1, true));
        }
        return p;
    }

    /** The point a name denotes, or null. */
    public static HookPoint parseOrNull(String name) {
        if (!name.startsWith("layer.")) {
            for (Kind k : Kind.values()) {
                if (!k.layerScoped() && k.suffix.equals(name)) {
                    return of(k);
                }
            }
            return null;
        }
        int end = name.indexOf('.', 6);
        if (end < 0) {
            return null;
        }
        int layer;
        try {
            layer = Integer.parseInt(name.substring(6, end));
        } catch (NumberFormatException e) {
            return null;
        }
        String suffix = name.substring(end + 1);
        for (Kind k : Kind.values()) {
            if (k.layerScoped() && k.suffix.equals(suffix) && layer >= 0) {
                return of(k, layer);
            }
        }
        return null;
    }

    /** Every point of a model with {@code numLayers} layers, in forward order. */
    public static List<HookPoint> all(int numLayers, boolean hasPooler) {
        List<HookPoint> out = new ArrayList<>();
        out.add(of(Kind.EMBEDDINGS_OUTPUT));
        for (int l = 0; l < numLayers; l++) {
            for (Kind k : Kind.values()) {
                if (k.layerScoped()) {
                    out.add(of(k, l));
                }
            }
        }
        out.add(of(Kind.CLS));
        if (hasPooler) {
            out.add(of(Kind.POOLED));
        }
        return out;
    }

    @Override
    public String toString() {
        return name();
    }
}
