package org.bertgeometry.geometry;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bertgeometry.model.BertConfig;
import org.bertgeometry.model.BertWeights;
import org.bertgeometry.model.HostTensor;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * "Directionality of subspace selection" per attention head (docs/methods.md, "Directionality of
 * subspace selection"). The phrase is the paper's; its definition was not available, so every
 * quantity here is the project's own operationalisation: the bilinear score
 * {@code s(x_i, x_j) = x_i^T M x_j} with {@code M = W_Q,h^T W_K,h} (d x d, rank <= dk), its
 * symmetric part S and skew part K, the directionality index {@code delta = ||K||_F / ||M||_F}
 * (0 for mutual selection, 1/sqrt(2) for no symmetric preference, 1 for purely directional), the
 * signature of S (positive directions select aligned keys, negative anti-aligned), and the principal
 * angles between the top-r left (query) and right (key) singular subspaces of M. The CSV columns
 * carry the suffix {@code _proposal} to say so. Data-level asymmetry of an attention map
 * ({@link #attentionAsymmetry}) is likewise a proposal.
 *
 * <p>Cost: never forms the d x d matrix. With P_Q, P_K the dk x d projections, norms come from dk x dk
 * Gram products, the spectrum of S from a 2dk x 2dk symmetric problem (S = U^T C U with
 * U = [P_Q; P_K], reduced through the eigendecomposition of U U^T), and the singular subspaces from
 * thin SVDs of P_Q^T, P_K^T and a dk x dk SVD: O(d dk^2) per head.
 */
public final class Directionality {

    private Directionality() {
    }

    /**
     * @param convention          which weight slice is a head (default HF_EXACT)
     * @param subspaceRank        r, the number of leading singular directions compared (default 0 =
     *                            all dk)
     * @param eigenvalueTolerance eigenvalues of S with |lambda| <= this times max |lambda| count as
     *                            zero (default 1e-9; relative so that it does not depend on weight scale)
     */
    public record Params(Convention convention, int subspaceRank, double eigenvalueTolerance) {
        public static Params defaults() {
            return new Params(Convention.HF_EXACT, 0, 1e-9);
        }
    }

    /**
     * One head's result. Everything except layer/head is the project's operationalisation.
     *
     * @param layer            0-based layer
     * @param head             0-based head
     * @param normM            ||M||_F
     * @param normSymmetric    ||S||_F
     * @param normSkew         ||K||_F
     * @param delta            ||K||_F / ||M||_F (NaN for M = 0)
     * @param positive         positive eigenvalues of S
     * @param negative         negative eigenvalues of S
     * @param zero             zero eigenvalues of S (d minus the others)
     * @param principalAngles  principal angles (radians, ascending) between query and key subspaces
     */
    public record HeadResult(int layer, int head, double normM, double normSymmetric, double normSkew,
            double delta, int positive, int negative, int zero, double[] principalAngles) {

        public double meanAngle() {
            return Arrays.stream(principalAngles).average().orElse(Double.NaN);
        }

        public static String[] csvHeader() {
            return new String[] {"layer", "head", "norm_M_proposal", "norm_symmetric_proposal",
                "norm_skew_proposal", "delta_proposal", "sym_positive_eigs_proposal",
                "sym_negative_eigs_proposal", "sym_zero_eigs_proposal", "min_principal_angle_deg_proposal",
                "mean_principal_angle_deg_proposal", "max_principal_angle_deg_proposal"};
        }

        public String[] csvValues() {
            double min = principalAngles.length == 0 ? Double.NaN : principalAngles[0];
            double max = principalAngles.length == 0 ? Double.NaN : principalAngles[principalAngles.length - 1];
            return new String[] {Integer.toString(layer), Integer.toString(head), Double.toString(normM),
                Double.toString(normSymmetric), Double.toString(normSkew), Double.toString(delta),
                Integer.toString(positive), Integer.toString(negative), Integer.toString(zero),
                Double.toString(Math.toDegrees(min)), Double.toString(Math.toDegrees(meanAngle())),
                Double.toString(Math.toDegrees(max))};
        }
    }

    /** Every head of every layer of a model, layer-major, on the calling thread. */
    public static List<HeadResult> ofModel(BertConfig config, BertWeights weights, Params params) {
        return ofModel(config, weights, params, false);
    }

    /**
     * Every head of every layer of a model, layer-major. With {@code parallel} the heads are spread
     * over the common fork-join pool; the result is identical (each head is independent).
     */
    public static List<HeadResult> ofModel(BertConfig config, BertWeights weights, Params params, boolean parallel) {
        int d = config.hiddenSize();
        int heads = config.numAttentionHeads();
        int layers = config.numHiddenLayers();
        HostTensor[] wq = new HostTensor[layers];
        HostTensor[] wk = new HostTensor[layers];
        for (int l = 0; l < layers; l++) {
            wq[l] = weights.require(HeadWeights.weightName(l, "query"), d, d);
            wk[l] = weights.require(HeadWeights.weightName(l, "key"), d, d);
        }
        IntStream ids = IntStream.range(0, layers * heads);
        if (parallel) {
            ids = ids.parallel();
        }
        return ids.mapToObj(i -> {
            int l = i / heads;
            int h = i % heads;
            return ofHead(l, h, HeadWeights.projection(wq[l], h, heads, params.convention()),
                    HeadWeights.projection(wk[l], h, heads, params.convention()), params);
        }).collect(Collectors.toList());
    }

    /**
     * One head from its dk x d query and key projections (see {@link HeadWeights#projection}).
     *
     * @throws IllegalArgumentException for mismatched or empty projections
     */
    public static HeadResult ofHead(int layer, int head, double[][] queryProjection, double[][] keyProjection,
            Params params) {
        int d = MatrixChecks.requireRectangular(queryProjection, "query projection");
        int dk = queryProjection.length;
        int dk2 = keyProjection.length;
        if (MatrixChecks.requireRectangular(keyProjection, "key projection") != d || dk2 != dk) {
            throw new IllegalArgumentException("query projection is " + dk + "x" + d + " but key projection is "
                    + dk2 + "x" + keyProjection[0].length + ": they must have the same shape");
        }
        DMatrixRMaj a = new DMatrixRMaj(queryProjection);
        DMatrixRMaj b = new DMatrixRMaj(keyProjection);

        // ||M||^2 = tr(A A^T B B^T), tr(M^2) = tr(C C) with C = B A^T (all dk x dk)
        DMatrixRMaj ga = new DMatrixRMaj(dk, dk);
        DMatrixRMaj gb = new DMatrixRMaj(dk, dk);
        DMatrixRMaj c = new DMatrixRMaj(dk, dk);
        CommonOps_DDRM.multTransB(a, a, ga);
        CommonOps_DDRM.multTransB(b, b, gb);
        CommonOps_DDRM.multTransB(b, a, c);
        double m2 = 0;
        double trM2 = 0;
        for (int i = 0; i < dk; i++) {
            for (int j = 0; j < dk; j++) {
                m2 += ga.get(i, j) * gb.get(i, j);
                trM2 += c.get(i, j) * c.get(j, i);
            }
        }
        double sym2 = Math.max(0, (m2 + trM2) / 2);
        double skew2 = Math.max(0, (m2 - trM2) / 2);
        double normM = Math.sqrt(Math.max(m2, 0));
        double delta = normM == 0 ? Double.NaN : Math.sqrt(skew2) / normM;

        int[] signature = symmetricSignature(a, b, d, params.eigenvalueTolerance());
        double[] angles = principalAngles(a, b, params.subspaceRank() <= 0 ? dk : Math.min(params.subspaceRank(), dk));
        return new HeadResult(layer, head, normM, Math.sqrt(sym2), Math.sqrt(skew2), delta, signature[0],
                signature[1], d - signature[0] - signature[1], angles);
    }

    /** Positive and negative eigenvalue counts of S = (A^T B + B^T A) / 2. */
    private static int[] symmetricSignature(DMatrixRMaj a, DMatrixRMaj b, int d, double relTol) {
        int dk = a.numRows;
        int m = 2 * dk;
        // U = [A; B] (2dk x d) = V L^(1/2) W^T; S = U^T C U = W (L^(1/2) V^T C V L^(1/2)) W^T with
        // C = [[0, I/2], [I/2, 0]], so the nonzero spectrum of S is that of the small inner matrix.
        DMatrixRMaj u = new DMatrixRMaj(m, d);
        CommonOps_DDRM.insert(a, u, 0, 0);
        CommonOps_DDRM.insert(b, u, dk, 0);
        DMatrixRMaj gram = new DMatrixRMaj(m, m);
        CommonOps_DDRM.multTransB(u, u, gram);
        EigenDecomposition_F64<DMatrixRMaj> ge = DecompositionFactory_DDRM.eig(m, true, true);
        if (!ge.decompose(gram)) {
            throw new IllegalStateException("symmetric eigendecomposition of the Gram matrix failed");
        }
        DMatrixRMaj vl = new DMatrixRMaj(m, m); // V L^(1/2)
        for (int k = 0; k < m; k++) {
            double lambda = Math.max(0, ge.getEigenvalue(k).real);
            DMatrixRMaj vec = ge.getEigenVector(k);
            double s = Math.sqrt(lambda);
            for (int i = 0; i < m; i++) {
                vl.set(i, k, vec == null ? 0 : vec.get(i) * s);
            }
        }
        DMatrixRMaj cm = new DMatrixRMaj(m, m);
        for (int k = 0; k < dk; k++) {
            cm.set(k, dk + k, 0.5);
            cm.set(dk + k, k, 0.5);
        }
        DMatrixRMaj tmp = new DMatrixRMaj(m, m);
        CommonOps_DDRM.multTransA(vl, cm, tmp);
        DMatrixRMaj small = new DMatrixRMaj(m, m);
        CommonOps_DDRM.mult(tmp, vl, small);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, false, true);
        if (!eig.decompose(small)) {
            throw new IllegalStateException("symmetric eigendecomposition failed");
        }
        double maxAbs = 0;
        for (int i = 0; i < m; i++) {
            maxAbs = Math.max(maxAbs, Math.abs(eig.getEigenvalue(i).real));
        }
        int pos = 0;
        int neg = 0;
        for (int i = 0; i < m; i++) {
            double v = eig.getEigenvalue(i).real;
            if (v > relTol * maxAbs) {
                pos++;
            } else if (v < -relTol * maxAbs) {
                neg++;
            }
        }
        return new int[] {pos, neg};
    }

    /** Thin SVD factors of X^T (d x dk) = Q R with Q orthonormal (d x dk) and R = W V^T; robust to rank loss. */
    private static DMatrixRMaj[] orthoFactor(DMatrixRMaj x) {
        DMatrixRMaj xt = CommonOps_DDRM.transpose(x, null);
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(xt.numRows, xt.numCols, true, true, true);
        if (!svd.decompose(xt)) {
            throw new IllegalStateException("SVD failed");
        }
        DMatrixRMaj q = svd.getU(null, false);
        DMatrixRMaj w = svd.getW(null);
        DMatrixRMaj vt = svd.getV(null, true);
        DMatrixRMaj r = new DMatrixRMaj(w.numRows, vt.numCols);
        CommonOps_DDRM.mult(w, vt, r);
        return new DMatrixRMaj[] {q, r};
    }

    /**
     * Principal angles between the spans of the top-r left and right singular vectors of A^T B. When a
     * projection is rank-deficient only the first rank(A^T B) angles are meaningful.
     */
    private static double[] principalAngles(DMatrixRMaj a, DMatrixRMaj b, int r) {
        DMatrixRMaj[] fa = orthoFactor(a);
        DMatrixRMaj[] fb = orthoFactor(b);
        DMatrixRMaj qa = fa[0];
        DMatrixRMaj ra = fa[1];
        DMatrixRMaj qb = fb[0];
        DMatrixRMaj rb = fb[1];
        // M = Qa (Ra Rb^T) Qb^T; SVD of the small core gives the singular vectors in the Q bases
        DMatrixRMaj core = new DMatrixRMaj(ra.numRows, rb.numRows);
        CommonOps_DDRM.multTransB(ra, rb, core);
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(core.numRows, core.numCols, true, true, false);
        if (!svd.decompose(core)) {
            throw new IllegalStateException("SVD failed");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj v = svd.getV(null, false);
        double[] sv = svd.getSingularValues();
        Integer[] order = new Integer[sv.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(sv[y], sv[x]));
        int rr = Math.min(r, order.length);
        DMatrixRMaj ur = new DMatrixRMaj(u.numRows, rr);
        DMatrixRMaj vr = new DMatrixRMaj(v.numRows, rr);
        for (int k = 0; k < rr; k++) {
            for (int i = 0; i < u.numRows; i++) {
                ur.set(i, k, u.get(i, order[k]));
            }
            for (int i = 0; i < v.numRows; i++) {
                vr.set(i, k, v.get(i, order[k]));
            }
        }
        // cosines = singular values of Ur^T (Qa^T Qb) Vr
        DMatrixRMaj qab = new DMatrixRMaj(qa.numCols, qb.numCols);
        CommonOps_DDRM.multTransA(qa, qb, qab);
        DMatrixRMaj tmp = new DMatrixRMaj(rr, qb.numCols);
        CommonOps_DDRM.multTransA(ur, qab, tmp);
        DMatrixRMaj cos = new DMatrixRMaj(rr, rr);
        CommonOps_DDRM.mult(tmp, vr, cos);
        double[] c = SingularValues.of(toArray(cos));
        double[] angles = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            angles[i] = Math.acos(Math.min(1, Math.max(-1, c[i])));
        }
        Arrays.sort(angles);
        return angles;
    }

    private static double[][] toArray(DMatrixRMaj m) {
        double[][] out = new double[m.numRows][m.numCols];
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < m.numCols; j++) {
                out[i][j] = m.get(i, j);
            }
        }
        return out;
    }

    /**
     * Data-level asymmetry of a square map, {@code ||A - A^T||_F / ||A||_F} (project's proposal; 0 for
     * a symmetric map, NaN for an all-zero map).
     */
    public static double attentionAsymmetry(double[][] a) {
        int n = MatrixChecks.requireSquare(a, "attention map");
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double e = a[i][j] - a[j][i];
                diff += e * e;
                norm += a[i][j] * a[i][j];
            }
        }
        return norm == 0 ? Double.NaN : Math.sqrt(diff / norm);
    }
}
