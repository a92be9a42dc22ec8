package org.bertgeometry.variants.abstention;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Distance of a feature vector (the classifier's pooled [CLS] output) from the training classes: class
 * means and one covariance shared by all classes are estimated on training features, and the score of x
 * is the smallest squared Mahalanobis distance min_c (x - mu_c)^T S^-1 (x - mu_c) (Lee et al. 2018, "A
 * simple unified framework for detecting out-of-distribution samples"; docs/methods.md, "Calibration and
 * abstention"). A ridge of {@code 1e-3 x mean variance} is added to the diagonal so that S is invertible
 * with fewer samples than dimensions. Cost: fitting O(n d^2 + d^3), scoring O(C d^2) per vector.
 *
 * @param means     class means, [class][dimension]
 * @param precision the inverse of the regularised shared covariance, [dimension][dimension]
 */
public record MahalanobisScorer(double[][] means, double[][] precision) {

    /** Ridge on the covariance diagonal, relative to the mean variance. */
    public static final double RIDGE = 1e-3;

    /** Fits class means and the shared covariance; every class in 0..classes-1 needs at least one vector. */
    public static MahalanobisScorer fit(double[][] features, int[] labels, int classes) {
        if (features.length != labels.length || features.length == 0) {
            throw new IllegalArgumentException("need one label per feature vector, at least one; got "
                    + features.length + " and " + labels.length);
        }
        int d = features[0].length;
        double[][] means = new double[classes][d];
        int[] counts = new int[classes];
        for (int i = 0; i < features.length; i++) {
            counts[labels[i]]++;
            for (int j = 0; j < d; j++) {
                means[labels[i]][j] += features[i][j];
            }
        }
        for (int c = 0; c < classes; c++) {
            if (counts[c] == 0) {
                throw new IllegalArgumentException("class " + c + " has no feature vector to estimate its mean from");
            }
            for (int j = 0; j < d; j++) {
                means[c][j] /= counts[c];
            }
        }
        DMatrixRMaj cov = new DMatrixRMaj(d, d);
        for (int i = 0; i < features.length; i++) {
            double[] m = means[labels[i]];
            for (int a = 0; a < d; a++) {
                double da = features[i][a] - m[a];
                for (int b = 0; b < d; b++) {
                    cov.add(a, b, da * (features[i][b] - m[b]));
                }
            }
        }
        CommonOps_DDRM.divide(cov, features.length);
        double meanVariance = CommonOps_DDRM.trace(cov) / d;
        double ridge = RIDGE * (meanVariance > 0 ? meanVariance : 1);
        for (int a = 0; a < d; a++) {
            cov.add(a, a, ridge);
        }
        DMatrixRMaj inv = new DMatrixRMaj(d, d);
        if (!CommonOps_DDRM.invert(cov, inv)) {
            throw new IllegalStateException("the regularised feature covariance is singular");
        }
        double[][] precision = new double[d][d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                precision[a][b] = inv.get(a, b);
            }
        }
        return new MahalanobisScorer(means, precision);
    }

    /** The smallest squared Mahalanobis distance of {@code x} to a class mean. */
    public double score(double[] x) {
        int d = precision.length;
        if (x.length != d) {
            throw new IllegalArgumentException("feature vector has " + x.length + " dimensions, the scorer " + d);
        }
        double best = Double.POSITIVE_INFINITY;
        double[] diff = new double[d];
        for (double[] m : means) {
            for (int j = 0; j < d; j++) {
                diff[j] = x[j] - m[j];
            }
            double q = 0;
            for (int a = 0; a < d; a++) {
                double row = 0;
                for (int b = 0; b < d; b++) {
                    row += precision[a][b] * diff[b];
                }
                q += diff[a] * row;
            }
            best = Math.min(best, q);
        }
        return best;
    }
}
