package org.bertgeometry.variants.fasta;

/**
 * What {@link FastaReader} does with IUPAC ambiguity codes (R, Y, S, W, K, M, B, D, H, V). The
 * default {@link #MAP_TO_N} matches the paper's data: BWA writes every non-ACGT base as N in SAM
 * (docs/methods.md, "Case-study data"), so the paper's vocabulary only knows a, c, g, t and n.
 */
public enum AmbiguityPolicy {
    /** Replace every ambiguity code by N (default; what the paper's pipeline effectively did). */
    MAP_TO_N,
    /** Keep ambiguity codes as they are (upper-cased). */
    KEEP
}
