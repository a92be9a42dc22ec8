package org.bertgeometry.geometry;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Singular values and numerical ranks (docs/methods.md, "Singular values and ranks"): the spectrum of
 * P_h, W_V,h, Y_h, V_h or a layer output, the count of singular values at or above a cut (default
 * 1e-3, the reference's "near-zero" split), and the rank with numpy {@code matrix_rank}'s default
 * tolerance {@code sigma_max * max(m, n) * eps}, where eps is the machine epsilon of the precision
 * the reference used (float32 for its arrays).
 */
public final class SingularValues {

    /** float32 machine epsilon, 2^-23: numpy's eps for the reference's float32 arrays. */
    public static final double FLOAT32_EPS = Math.ulp(1.0f);
    /** float64 machine epsilon, 2^-52. */
    public static final double FLOAT64_EPS = Math.ulp(1.0);

    private SingularValues() {
    }

    /** Singular values in descending order. Cost O(m n min(m,n)). */
    public static double[] of(double[][] m) {
        int cols = MatrixChecks.requireRectangular(m, "matrix");
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(m.length, cols, false, false, true);
        if (!svd.decompose(new DMatrixRMaj(m))) {
            throw new IllegalStateException("SVD did not converge for a " + m.length + "x" + cols + " matrix");
        }
        double[] s = svd.getSingularValues().clone();
        s = Arrays.copyOf(s, Math.min(m.length, cols));
        Arrays.sort(s);
        for (int i = 0; i < s.length / 2; i++) {
            double t = s[i];
            s[i] = s[s.length - 1 - i];
            s[s.length - 1 - i] = t;
        }
        return s;
    }

    public static double[] of(float[][] m) {
        MatrixChecks.requireRectangular(m, "matrix");
        return of(MatrixChecks.toDouble(m));
    }

    /** Number of singular values {@code >= cut}. */
    public static int countAtLeast(double[] singularValues, double cut) {
        int c = 0;
        for (double s : singularValues) {
            if (s >= cut) {
                c++;
            }
        }
        return c;
    }

    /** numpy {@code matrix_rank} with its default tolerance for an m x n matrix and the given eps. */
    public static int numpyRank(double[] singularValues, int rows, int cols, double eps) {
        if (singularValues.length == 0) {
            return 0;
        }
        double tol = singularValues[0] * Math.max(rows, cols) * eps;
        int c = 0;
        for (double s : singularValues) {
            if (s > tol) {
                c++;
            }
        }
        return c;
    }

    /**
     * @param values       singular values, descending
     * @param rankNumpy    rank with numpy's default tolerance and the given eps
     * @param atLeastCut   count of singular values >= cut
     * @param belowCut     count below cut
     * @param maxOverMin   sigma_max / sigma_min (infinite if sigma_min is 0)
     */
    public record Summary(double[] values, int rankNumpy, int atLeastCut, int belowCut, double maxOverMin) {
    }

    /** Everything the reference reports for one matrix. */
    public static Summary summary(double[][] m, double cut, double eps) {
        double[] s = of(m);
        int at = countAtLeast(s, cut);
        double min = s[s.length - 1];
        return new Summary(s, numpyRank(s, m.length, m[0].length, eps), at, s.length - at,
                min == 0 ? Double.POSITIVE_INFINITY : s[0] / min);
    }
}
