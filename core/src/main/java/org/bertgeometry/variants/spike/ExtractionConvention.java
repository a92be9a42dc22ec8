package org.bertgeometry.variants.spike;

/**
 * Whether the extracted spike is the clean one or reproduces the paper's reconstruction quirks
 * (paper-methods §2.6; docs/case-study-data.md, "CODE_COMPAT").
 */
public enum ExtractionConvention {
    /** The genome's spike exactly, from the aligned first to the aligned last base. */
    CLEAN,
    /**
     * The paper's reconstruction as far as it can be reproduced without BWA: the clean spike followed by
     * the duplicated last base that its always-true tail test appends (giving 3,823 nt for a spike
     * without indels, the most common length in the released data). Not reproduced: gap filling of
     * unmapped or clipped chunks with reference bases, strict-inequality chunk drops, overlap
     * duplications of supplementary alignments, and the reverse-strand double complement.
     */
    CODE_COMPAT
}
