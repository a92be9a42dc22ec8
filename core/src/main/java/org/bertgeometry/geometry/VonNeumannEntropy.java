package org.bertgeometry.geometry;

import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * "Von Neumann entropy" of a square matrix as the reference implementation computes it
 * (docs/methods.md, "Von Neumann entropy"): the eigenvalues lambda of the (general, possibly
 * non-symmetric) matrix, p_i = |lambda_i| normalised, and {@code H = -sum_{p_i > 0} p_i ln p_i}.
 * The reference normalises by the L2 norm of |lambda| ({@link Normalization#L2}), so the p do not sum
 * to 1; that is not the textbook quantity, which uses trace-one weights ({@link Normalization#L1},
 * offered as the proper variant). Default: L2, to reproduce the reference.
 */
public final class VonNeumannEntropy {

    private VonNeumannEntropy() {
    }

    /** How |lambda| is turned into weights p. */
    public enum Normalization {
        /** p = |lambda| / sqrt(sum |lambda|^2): the reference implementation (default). */
        L2,
        /** p = |lambda| / sum |lambda|: the textbook convention. */
        L1
    }

    /** Entropy with the reference's L2 normalisation. */
    public static double of(double[][] z) {
        return of(z, Normalization.L2);
    }

    /**
     * The entropy. Cost: one general eigendecomposition, O(n^3). An all-zero matrix gives 0.
     *
     * @throws IllegalArgumentException for a non-square, empty or non-finite matrix
     */
    public static double of(double[][] z, Normalization normalization) {
        int n = MatrixChecks.requireSquare(z, "matrix");
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false);
        if (!eig.decompose(new DMatrixRMaj(z))) {
            throw new IllegalStateException("eigendecomposition did not converge for a " + n + "x" + n
                    + " matrix");
        }
        double[] mod = new double[n];
        double l1 = 0;
        double l2 = 0;
        for (int i = 0; i < n; i++) {
            Complex_F64 c = eig.getEigenvalue(i);
            mod[i] = Math.hypot(c.real, c.imaginary);
            l1 += mod[i];
            l2 += mod[i] * mod[i];
        }
        double norm = normalization == Normalization.L2 ? Math.sqrt(l2) : l1;
        if (norm == 0) {
            return 0;
        }
        double h = 0;
        for (double m : mod) {
            double p = m / norm;
            if (p > 0) {
                h -= p * Math.log(p);
            }
        }
        return h;
    }
}
