package org.bertgeometry.geometry;

/**
 * Maps a protein domain given in 1-based amino-acid coordinates to the range of k-mer token positions
 * that cover it (docs/methods.md, "Attention to protein domains"). Token i >= 1 covers spike
 * nucleotides {@code [9i-9, 9i+2]} (0-based), [CLS] (i = 0) is given {@code [-9, -1]}; the first token
 * is the first whose range contains the domain's first nucleotide, the last token the last whose
 * range contains the domain's last nucleotide. The reference implementation computes the last
 * nucleotide one codon short ({@link End#CODE_COMPAT}); {@link End#CORRECTED} uses
 * {@code a_end*3-1}.
 */
public final class DomainTokens {

    private DomainTokens() {
    }

    /** Which last-nucleotide formula to use. */
    public enum End {
        /** {@code (a_end-1)*3-1}: the reference implementation (one codon short). */
        CODE_COMPAT,
        /** {@code a_end*3-1}: the domain's true last nucleotide (default). */
        CORRECTED
    }

    /**
     * @param startBase  first nucleotide, 0-based
     * @param endBase    last nucleotide, 0-based
     * @param firstToken first token position covering the start
     * @param lastToken  last token position covering the end
     */
    public record Range(int startBase, int endBase, int firstToken, int lastToken) {
    }

    /**
     * The token range of amino acids {@code [aStart, aEnd]} (1-based, inclusive) among token positions
     * {@code 0..maxToken}.
     *
     * @throws IllegalArgumentException for an empty or inverted domain, or one beyond maxToken
     */
    public static Range of(int aStart, int aEnd, End end, int maxToken) {
        if (aStart < 1 || aEnd < aStart) {
            throw new IllegalArgumentException("domain [" + aStart + ", " + aEnd
                    + "] must have 1 <= start <= end (1-based amino acids)");
        }
        int startBase = (aStart - 1) * 3;
        int endBase = end == End.CODE_COMPAT ? (aEnd - 1) * 3 - 1 : aEnd * 3 - 1;
        int first = -1;
        int last = -1;
        for (int i = 0; i <= maxToken; i++) {
            int lo = i == 0 ? -9 : 9 * i - 9;
            int hi = i == 0 ? -1 : 9 * i + 2;
            if (first < 0 && lo <= startBase && startBase <= hi) {
                first = i;
            }
            if (lo <= endBase && endBase <= hi) {
                last = i;
            }
        }
        if (first < 0 || last < 0) {
            throw new IllegalArgumentException("domain [" + aStart + ", " + aEnd
                    + "] lies beyond token position " + maxToken);
        }
        return new Range(startBase, endBase, first, last);
    }

    /** With the case study's 512 positions. */
    public static Range of(int aStart, int aEnd, End end) {
        return of(aStart, aEnd, end, 511);
    }
}
