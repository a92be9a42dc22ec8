package org.bertgeometry.variants.spike;

/**
 * Parameters of {@link SpikeExtractor}, with documented defaults ({@link #defaults()}).
 *
 * @param anchorK             k-mer length of the anchors, 8..15; default 15 (a random 15-mer occurs
 *                            in a 30 kb genome with probability about 3e-5, so hits are specific)
 * @param minAnchors          fewest anchor hits on the chosen strand to accept a spike; default 5
 * @param bandHalfWidth       diagonals allowed on each side of the anchored range; default 64 nt,
 *                            larger than any lineage indel in the table (21 nt)
 * @param maxNFraction        a spike with a larger share of N is reported as mostly N and skipped;
 *                            default 0.5
 * @param maxLengthDifference a spike whose length differs from the reference's 3,822 nt by more than
 *                            this is reported and skipped; default 300
 * @param convention          {@link ExtractionConvention#CLEAN} (default) or CODE_COMPAT
 */
public record ExtractionOptions(int anchorK, int minAnchors, int bandHalfWidth, double maxNFraction,
        int maxLengthDifference, ExtractionConvention convention) {

    public ExtractionOptions {
        if (anchorK < 8 || anchorK > 15 || minAnchors < 1 || bandHalfWidth < 1 || maxLengthDifference < 0
                || !(maxNFraction >= 0 && maxNFraction <= 1) || convention == null) {
            throw new IllegalArgumentException("invalid spike extraction options: " + this);
        }
    }

    public static ExtractionOptions defaults() {
        return new ExtractionOptions(15, 5, 64, 0.5, 300, ExtractionConvention.CLEAN);
    }

    public ExtractionOptions withConvention(ExtractionConvention c) {
        return new ExtractionOptions(anchorK, minAnchors, bandHalfWidth, maxNFraction, maxLengthDifference, c);
    }
}
