package org.bertgeometry.analysis;

/**
 * What {@link AttentionGeometryRun} measures and with which parameters. Defaults follow the paper
 * (paper-methods 6 and 10): θ_hi 0.3 for thresholded class means, k threshold 0.90, correctly
 * predicted samples only, 300 CLS vectors per class at most, batches of 8.
 *
 * @param batchSize        sequences per forward pass
 * @param thetaHi          threshold of the thresholded class-mean sums
 * @param kThreshold       attention-mass threshold of the metastable-state size k
 * @param onlyCorrect      aggregate only correctly predicted samples (the paper's choice)
 * @param clsPerClass      CLS vectors kept per class and layer for cone index and PCA
 */
public record GeometryRunSettings(int batchSize, double thetaHi, double kThreshold, boolean onlyCorrect,
        int clsPerClass) {

    public GeometryRunSettings {
        if (batchSize <= 0 || clsPerClass <= 0) {
            throw new IllegalArgumentException("batch size and CLS vectors per class must be positive");
        }
        if (!(thetaHi >= 0 && thetaHi <= 1) || !(kThreshold > 0 && kThreshold <= 1)) {
            throw new IllegalArgumentException("thresholds must lie in [0, 1]: theta " + thetaHi + ", k " + kThreshold);
        }
    }

    /** The paper's defaults (see the class comment). */
    public static GeometryRunSettings defaults() {
        return new GeometryRunSettings(8, 0.3, 0.90, true, 300);
    }

    /** The same settings with another batch size. */
    public GeometryRunSettings withBatchSize(int n) {
        return new GeometryRunSettings(n, thetaHi, kThreshold, onlyCorrect, clsPerClass);
    }
}
