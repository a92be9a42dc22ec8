package org.bertgeometry.geometry;

/**
 * Which way a per-head recomputation reads the weights (docs/methods.md, "Per-head recomputation and
 * conventions"). {@link #CODE_COMPAT} reproduces the reference implementation exactly, which produced
 * every published manual-head number; {@link #HF_EXACT} is what the Hugging Face model computes.
 * The default everywhere is {@link #HF_EXACT}.
 */
public enum Convention {
    /**
     * The reference implementation: head h reads the <em>columns</em> {@code h*dk..h*dk+dk-1} of the
     * {@code [out,in]} weight (i.e. input dimensions), no biases, softmax over every key with no
     * padding mask, and spectral analyses fed with {@code hidden_states[l+1]} for layer l's weights.
     */
    CODE_COMPAT,
    /**
     * What the model computes: head h reads the <em>rows</em> {@code h*dk..} of {@code W [out,in]}
     * plus the bias, with the padding mask, and layer l is fed with {@code hidden_states[l]}.
     */
    HF_EXACT;

    /** The project's default. */
    public static Convention defaultConvention() {
        return HF_EXACT;
    }

    /**
     * Index into {@code hidden_states} (0 = embedding output) whose rows feed layer {@code layer}'s
     * weights for the given use. CODE_COMPAT reproduces the reference's off-by-one for the spectral
     * analyses (eigen, metastable k, ranks), which used the layer's own output.
     */
    public int hiddenStateIndex(int layer, Use use) {
        if (layer < 0) {
            throw new IllegalArgumentException("layer must be >= 0, got " + layer);
        }
        if (this == CODE_COMPAT && use == Use.SPECTRAL) {
            return layer + 1;
        }
        return layer;
    }

    /** What a recomputed head is used for; only matters for the CODE_COMPAT layer offset. */
    public enum Use {
        /** Cone-index analyses: the reference fed layer l with hidden_states[l]. */
        CONE_INDEX,
        /** Eigenvalue, metastable-k and rank analyses: the reference fed layer l with hidden_states[l+1]. */
        SPECTRAL
    }
}
