package org.bertgeometry.variants.reference;

/**
 * One row of the bundled spike-mutation table: a nucleotide change that defines (frequency 1) or
 * commonly occurs in (frequency below 1) a class. Coordinates are 1-based inclusive on NC_045512.2;
 * {@code ref} and {@code alt} are "-" where empty (insertions have no ref, deletions no alt).
 *
 * @param tableClass the table's class key: a {@code VariantClass} key, or "gh_b1640" for the paper's
 *                   B.1.640-like GH class
 */
public record LineageChange(String tableClass, String lineage, ChangeKind kind, int start, int end, String ref,
        String alt, String proteinEffect, double frequency, String sources) {

    /** Reference bases removed or replaced (empty for insertions). */
    public String refBases() {
        return "-".equals(ref) ? "" : ref;
    }

    /** Bases put in their place (empty for deletions; N's of the region's length for N_MASK). */
    public String altBases() {
        if (kind == ChangeKind.N_MASK) {
            return "N".repeat(end - start + 1);
        }
        return "-".equals(alt) ? "" : alt;
    }

    /** Change in sequence length caused by this change (negative for deletions). */
    public int lengthChange() {
        if (kind == ChangeKind.INSERTION) {
            return altBases().length();
        }
        return altBases().length() - (end - start + 1);
    }
}
