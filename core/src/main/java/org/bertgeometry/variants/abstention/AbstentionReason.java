package org.bertgeometry.variants.abstention;

/**
 * Why the abstention rule answers "unassigned" (docs/methods.md, "Calibration and abstention"); a sequence
 * may have several reasons at once.
 */
public enum AbstentionReason {
    /** The highest class probability is below the rule's probability threshold. */
    LOW_PROBABILITY("low probability"),
    /** The pooled [CLS] vector lies beyond the distance threshold from every training class. */
    FAR_EMBEDDING("far embedding"),
    /** The sequence lacks most of its predicted class's k-mer signature. */
    MISSING_SIGNATURE("missing signature");

    private final String label;

    AbstentionReason(String label) {
        this.label = label;
    }

    /** The words written into reports and output columns. */
    public String label() {
        return label;
    }
}
