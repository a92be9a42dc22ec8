package org.bertgeometry.variants.spike;

/**
 * Whether the extracted spike is the clean one or reproduces the paper's reconstruction quirks
 * (paper-methods §2.6; docs/case-study-data.md, "CODE_COMPAT").
 */
public enum ExtractionConvention {
    /** The genome's spike exactly, from the aligned first to the aligned last base. */
    CLEAN,
    /**
     * The paper's reconstruction, emulated by {@link PaperSpikeReconstruction}: 150-nt chunks projected
     * through one alignment, then the paper's filters, truncations and concatenation literally (gap
     * filling from the reference with a duplicated base, the always-true tail append, dropped chunks
     * ending exactly on a boundary, SAM order and double reverse complement on the reverse strand).
     * BWA-MEM is approximated: no supplementary alignments, unmapped below 30 matching bases, N runs of
     * more than 5 at chunk ends soft-clipped. A spike without indels or N runs comes out as 3,823 nt.
     */
    CODE_COMPAT
}
