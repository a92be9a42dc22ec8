package org.bertgeometry.variants.abstention;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Accuracy against coverage when a classifier may decline its least certain answers (the
 * risk-coverage curve of selective classification, Geifman and El-Yaniv 2017; docs/methods.md,
 * "Calibration and abstention"): sequences are ranked by a certainty score, and for each coverage
 * c = k / n the accuracy of the k most certain is reported. Ties in the score are broken by index, so
 * the curve is deterministic.
 *
 * @param points from full coverage downwards
 */
public record CoverageCurve(List<Point> points) {

    /** Coverage (share of sequences answered) and the accuracy on those answered. */
    public record Point(double coverage, int answered, double accuracy) {
    }

    public CoverageCurve {
        points = List.copyOf(points);
    }

    /**
     * The curve at the coverages 1, 1 - 1/steps, ..., 1/steps (rounded to whole sequences, at least one
     * answered); {@code certainty[i]} higher means more certain.
     */
    public static CoverageCurve compute(double[] certainty, boolean[] correct, int steps) {
        int n = certainty.length;
        if (n == 0 || correct.length != n || steps < 1) {
            throw new IllegalArgumentException("need as many certainties as outcomes (at least one) and steps >= 1");
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -certainty[i]).thenComparingInt(i -> i));
        int[] correctPrefix = new int[n + 1];
        for (int k = 0; k < n; k++) {
            correctPrefix[k + 1] = correctPrefix[k] + (correct[order[k]] ? 1 : 0);
        }
        List<Point> points = new ArrayList<>();
        for (int s = steps; s >= 1; s--) {
            int k = Math.max(1, (int) Math.round(n * (double) s / steps));
            points.add(new Point(k / (double) n, k, correctPrefix[k] / (double) k));
        }
        return new CoverageCurve(points);
    }
}
