package org.bertgeometry.variants.evaluation;

/**
 * One class's one-vs-rest scores. Ratios with a zero denominator are 0, as scikit-learn's default
 * ({@code zero_division="warn"}) returns after warning.
 *
 * @param support     number of samples whose true label is this class
 * @param specificity TN / (TN + FP), the recall of "not this class" (paper-methods §4.3)
 */
public record ClassMetrics(int label, double precision, double recall, double f1, long support, double specificity,
        long truePositives, long falsePositives, long falseNegatives, long trueNegatives) {
}
