package org.bertgeometry.geometry;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Principal component analysis of row vectors (docs/methods.md, "CLS embeddings and clustering"), as
 * scikit-learn's PCA computes it: centre the columns, take the SVD, explained-variance ratio
 * {@code sigma_k^2 / sum sigma^2}. The reference draws a Pareto chart of the ratios with
 * {@code min(dim, 8 classes)} components and a 3-D scatter of the first three. Component signs are
 * arbitrary (as in any SVD); ratios are not.
 */
public final class Pca {

    private Pca() {
    }

    /**
     * @param explainedVarianceRatio ratio of each kept component, descending
     * @param explainedVariance      variance of each kept component ({@code sigma^2 / (m - 1)})
     * @param components             kept components as rows (k x d)
     * @param projections            the centred data projected onto them (m x k)
     * @param mean                   the column means that were subtracted
     */
    public record Result(double[] explainedVarianceRatio, double[] explainedVariance, double[][] components,
            double[][] projections, double[] mean) {
    }

    /**
     * PCA of the rows of {@code x} keeping {@code components} components (at most min(m, d)).
     * Cost: one SVD of the m x d data, O(m d min(m, d)).
     */
    public static Result of(double[][] x, int components) {
        int d = MatrixChecks.requireRectangular(x, "data");
        int m = x.length;
        if (m < 2) {
            throw new IllegalArgumentException("PCA needs at least 2 rows, got " + m);
        }
        int k = Math.min(components, Math.min(m, d));
        if (k < 1) {
            throw new IllegalArgumentException("number of components must be >= 1, got " + components);
        }
        double[] mean = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / m;
            }
        }
        DMatrixRMaj c = new DMatrixRMaj(m, d);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < d; j++) {
                c.set(i, j, x[i][j] - mean[j]);
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m, d, false, true, true);
        if (!svd.decompose(c.copy())) {
            throw new IllegalStateException("SVD failed for PCA of a " + m + "x" + d + " matrix");
        }
        DMatrixRMaj w = svd.getW(null);
        DMatrixRMaj vt = svd.getV(null, true);
        SingularOps_DDRM.descendingOrder(null, false, w, vt, true);
        int r = Math.min(w.numRows, w.numCols);
        double total = 0;
        for (int i = 0; i < r; i++) {
            total += w.get(i, i) * w.get(i, i);
        }
        double[] ratio = new double[k];
        double[] variance = new double[k];
        double[][] comps = new double[k][d];
        for (int i = 0; i < k; i++) {
            double s2 = w.get(i, i) * w.get(i, i);
            ratio[i] = total == 0 ? 0 : s2 / total;
            variance[i] = s2 / (m - 1);
            for (int j = 0; j < d; j++) {
                comps[i][j] = vt.get(i, j);
            }
        }
        DMatrixRMaj compM = new DMatrixRMaj(comps);
        DMatrixRMaj proj = new DMatrixRMaj(m, k);
        CommonOps_DDRM.multTransB(c, compM, proj);
        double[][] p = new double[m][k];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < k; j++) {
                p[i][j] = proj.get(i, j);
            }
        }
        return new Result(ratio, variance, comps, p, mean);
    }
}
