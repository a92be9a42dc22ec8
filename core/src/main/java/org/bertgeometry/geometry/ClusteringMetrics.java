package org.bertgeometry.geometry;

import java.util.HashMap;
import java.util.Map;

/**
 * External clustering metrics the reference reported for DBSCAN (docs/methods.md, "CLS embeddings
 * and clustering"), with scikit-learn's definitions: homogeneity {@code 1 - H(C|K)/H(C)} (1 when
 * H(C) = 0), completeness {@code 1 - H(K|C)/H(K)} (1 when H(K) = 0), and the adjusted Rand index
 * (Hubert and Arabie 1985; 1 when both labelings are a single cluster or all singletons). C are the
 * true classes, K the predicted clusters; noise (-1) counts as one cluster, as in scikit-learn.
 */
public final class ClusteringMetrics {

    private ClusteringMetrics() {
    }

    public static double homogeneity(int[] truth, int[] predicted) {
        Contingency c = new Contingency(truth, predicted);
        double hc = entropy(c.rowSums, c.n);
        return hc == 0 ? 1.0 : 1 - c.conditionalEntropyOfRowsGivenColumns() / hc;
    }

    public static double completeness(int[] truth, int[] predicted) {
        return homogeneity(predicted, truth);
    }

    public static double adjustedRandIndex(int[] truth, int[] predicted) {
        Contingency c = new Contingency(truth, predicted);
        double sumCells = 0;
        for (double v : c.cells.values()) {
            sumCells += pairs(v);
        }
        double sumRows = 0;
        for (double v : c.rowSums.values()) {
            sumRows += pairs(v);
        }
        double sumCols = 0;
        for (double v : c.colSums.values()) {
            sumCols += pairs(v);
        }
        double expected = sumRows * sumCols / pairs(c.n);
        double max = (sumRows + sumCols) / 2;
        if (max == expected) {
            return 1.0; // both trivial (one cluster each, or all singletons): sklearn's convention
        }
        return (sumCells - expected) / (max - expected);
    }

    private static double pairs(double v) {
        return v * (v - 1) / 2;
    }

    private static double entropy(Map<Integer, Double> counts, double n) {
        double h = 0;
        for (double v : counts.values()) {
            if (v > 0) {
                h -= v / n * Math.log(v / n);
            }
        }
        return h;
    }

    private static final class Contingency {
        final Map<Long, Double> cells = new HashMap<>();
        final Map<Integer, Double> rowSums = new HashMap<>();
        final Map<Integer, Double> colSums = new HashMap<>();
        final double n;

        Contingency(int[] truth, int[] predicted) {
            if (truth.length != predicted.length) {
                throw new IllegalArgumentException("label arrays differ in length: " + truth.length + " true vs "
                        + predicted.length + " predicted");
            }
            if (truth.length == 0) {
                throw new IllegalArgumentException("no labels given");
            }
            for (int i = 0; i < truth.length; i++) {
                cells.merge(((long) truth[i] << 32) | (predicted[i] & 0xffffffffL), 1.0, Double::sum);
                rowSums.merge(truth[i], 1.0, Double::sum);
                colSums.merge(predicted[i], 1.0, Double::sum);
            }
            n = truth.length;
        }

        /** H(rows | columns) = -sum_ij n_ij/n ln(n_ij / n_.j). */
        double conditionalEntropyOfRowsGivenColumns() {
            double h = 0;
            for (Map.Entry<Long, Double> e : cells.entrySet()) {
                int col = (int) (e.getKey() & 0xffffffffL);
                double nij = e.getValue();
                h -= nij / n * Math.log(nij / colSums.get(col));
            }
            return h;
        }
    }
}
