package org.bertgeometry.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Position lists, domain proportions, rollout, Clark metrics, entropies. */
class AttentionAnalysesTest {

    @Test
    void highAttentionListIsSortedDescendingWithAminoAcidLabels() {
        double[][] m = {{0.005, 0.5, 0.2}, {0.02, 0.9, 0.0}, {0.2, 0.0, 0.01}};
        List<HighAttention.Entry> e = HighAttention.entries(m, 0.01, KmerLabels.labels(3, 12));
        assertEquals(6, e.size());
        assertEquals(new HighAttention.Entry(1, 1, "1-4", "1-4", 0.9), e.get(0));
        assertEquals(new HighAttention.Entry(0, 1, "[CLS]", "1-4", 0.5), e.get(1));
        // tie at 0.2: row 0 before row 2
        assertEquals(0, e.get(2).row());
        assertEquals("4-7", e.get(3).rowLabel());
        assertEquals(0.01, e.get(5).score());
        HighAttention.Heatmap h = HighAttention.heatmap(m, 0.3);
        assertTrue(Double.isNaN(h.masked()[0][0]));
        assertArrayEquals(new boolean[] {true, true, false}, h.highlightedRows());
        assertArrayEquals(new boolean[] {false, true, false}, h.highlightedColumns());
    }

    @Test
    void domainProportionAndZTestMatchHandCalculation() {
        double[][] m = {{0.5, 0.25, 0.25}, {0.1, 0.8, 0.1}, {0.4, 0.4, 0.2}};
        // columns 1..2: (0.25+0.25) + (0.8+0.1) + (0.4+0.2) = 2.0 of 3.0
        DomainAttention.Proportion p = DomainAttention.proportion(m, 1, 2, DomainAttention.Params.defaults());
        assertEquals(2.0 / 3, p.proportion(), 1e-12);
        // entries > 0.3: 0.5, 0.8, 0.4, 0.4 -> in domain 0.8 + 0.4 = 1.2 of 2.1; counts 2 of 4
        assertEquals(1.2 / 2.1, DomainAttention.proportion(m, 1, 2,
                new DomainAttention.Params(DomainAttention.Mode.HIGH_CONFIDENCE_ATTENTION, 0.3)).proportion(), 1e-12);
        assertEquals(0.5, DomainAttention.proportion(m, 1, 2,
                new DomainAttention.Params(DomainAttention.Mode.HIGH_ATTENTION_TOKEN_COUNT, 0.3)).proportion(), 1e-12);
        // 30/100 vs 20/100: pooled 0.25, se = sqrt(0.25*0.75*0.02) = 0.0612372, z = 1.6329932,
        // p = 2 (1 - Phi(1.633)) = 0.10247 (statsmodels proportions_ztest gives the same)
        DomainAttention.ZTest z = DomainAttention.twoProportionZTest(30, 100, 20, 100);
        assertEquals(1.6329931619, z.z(), 1e-9);
        assertEquals(0.10247, z.pValue(), 1e-4);
        assertEquals(0.05 / 144, z.alpha(), 1e-15);
        assertFalse(z.significant());
        assertThrows(IllegalArgumentException.class, () -> DomainAttention.twoProportionZTest(5, 4, 1, 2));
    }

    @Test
    void rolloutOfTwoLayersMatchesHandCalculation() {
        // layer map [[1,0],[0.5,0.5]] (one head): + I = [[2,0],[0.5,1.5]] -> rows /2 = [[1,0],[0.25,0.75]]
        double[][] a = {{1, 0}, {0.5, 0.5}};
        double[][] one = AttentionRollout.rollout(List.of(List.<double[][]>of(a)));
        assertArrayEquals(new double[] {0.25, 0.75}, one[1], 1e-15);
        // two layers: Ahat * Ahat = [[1,0],[0.25+0.1875, 0.5625]]
        double[][] two = AttentionRollout.rollout(List.of(List.<double[][]>of(a), List.<double[][]>of(a)));
        assertArrayEquals(new double[] {0.4375, 0.5625}, two[1], 1e-15);
    }

    @Test
    void clarkMetricsMatchHandCalculation() {
        double[][] a = {{0.5, 0.5, 0}, {0.2, 0.6, 0.2}, {0, 0, 1}};
        ClarkHeadMetrics c = ClarkHeadMetrics.of(a, new SpecialPositions(0, new int[] {2}), 0);
        assertEquals((0.5 + 0.6 + 1) / 3, c.self(), 1e-15);
        assertEquals((0.5 + 0.2) / 2, c.next(), 1e-15);
        assertEquals((0.2 + 0) / 2, c.previous(), 1e-15);
        assertEquals((0.5 + 0.2 + 0) / 3, c.cls(), 1e-15);
        assertEquals((0 + 0.2 + 1) / 3, c.sep(), 1e-15);
        // row entropies: ln 2, -(0.4 ln 0.2 + 0.6 ln 0.6), 0
        double h1 = -(0.4 * Math.log(0.2) + 0.6 * Math.log(0.6));
        assertEquals((Math.log(2) + h1) / 3, c.entropy(), 1e-12);
    }

    @Test
    void properVonNeumannUsesL1Weights() {
        // diag(3,1): L1 p = (3/4, 1/4) -> 0.5623351446; L2 p = (3, 1)/sqrt(10)
        double[][] d = {{3, 0}, {0, 1}};
        assertEquals(0.5623351446, VonNeumannEntropy.of(d, VonNeumannEntropy.Normalization.L1), 1e-9);
        double p1 = 3 / Math.sqrt(10);
        double p2 = 1 / Math.sqrt(10);
        assertEquals(-(p1 * Math.log(p1) + p2 * Math.log(p2)), VonNeumannEntropy.of(d), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> VonNeumannEntropy.of(new double[][] {{1, 2}}));
    }

    @Test
    void numpyHistogramIsLeftClosedWithClosedLastBin() {
        // values 0..4, 2 bins: edges 0, 2, 4 -> [0,2) holds 0,1; [2,4] holds 2,3,4
        ValueHistogram h = ValueHistogram.numpy(new double[] {0, 1, 2, 3, 4}, 2);
        assertArrayEquals(new long[] {2, 3}, h.counts());
        // pandas cut is right-closed: (-0.004, 2] holds 0,1,2; (2, 4] holds 3,4
        assertArrayEquals(new long[] {3, 2}, ValueHistogram.pandasCut(new double[] {0, 1, 2, 3, 4}, 2).counts());
    }

    @Test
    void singularValuesGiveRanksWithNumpyTolerance() {
        double[][] r = ReferenceVectors.R; // rank 2: third row = first + second
        double[] s = SingularValues.of(r);
        assertEquals(0.0, s[2], 1e-15);
        assertEquals(2, SingularValues.numpyRank(s, 3, 3, SingularValues.FLOAT32_EPS));
        // singular values of R: sqrt(3) and 1 (R^T R = [[2,1,0],[1,2,0],[0,0,0]], eigenvalues 3, 1, 0)
        assertEquals(Math.sqrt(3), s[0], 1e-12);
        assertEquals(1.0, s[1], 1e-12);
        SingularValues.Summary sum = SingularValues.summary(r, 1e-3, SingularValues.FLOAT32_EPS);
        assertEquals(2, sum.atLeastCut());
        assertEquals(1, sum.belowCut());
    }

    @Test
    void headRecomputationMatchesHandCalculationInBothConventions() {
        // x = [[1,0],[0,1]], d = 2, one head dk = 2; W_Q = W_K = I, W_V = [[1,2],[3,4]]
        double[][] x = {{1, 0}, {0, 1}};
        double[][] id = {{1, 0}, {0, 1}};
        double[][] wv = {{1, 2}, {3, 4}};
        // scores = x x^T / sqrt2 = I/sqrt2; row 0 softmax: e^(1/sqrt2) / (e^(1/sqrt2) + 1)
        HeadRecomputation.Activations a = HeadRecomputation.of(x, id, null, id, null, wv, null, null);
        double p0 = Math.exp(1 / Math.sqrt(2)) / (Math.exp(1 / Math.sqrt(2)) + 1);
        assertEquals(p0, a.p()[0][0], 1e-15);
        // V = x W_V^T = [[1,3],[2,4]]; Y row 0 = p0 (1,3) + (1-p0) (2,4)
        assertArrayEquals(new double[] {p0 + 2 * (1 - p0), 3 * p0 + 4 * (1 - p0)}, a.y()[0], 1e-15);
        // a masked second key leaves all mass on the first
        HeadRecomputation.Activations m = HeadRecomputation.of(x, id, null, id, null, wv, null,
                new boolean[] {true, false});
        assertArrayEquals(new double[] {1, 0}, m.p()[1], 0);
    }

    @Test
    void recomputationFromModelWeightsUsesRowsAndBiasesOrTransposedColumnsWithoutBiases() {
        // one head, d = dk = 2; W_Q = [[1,2],[3,4]], b_Q = [10, 20]; x = [[1, 0], [0, 1]]
        java.util.Map<String, org.bertgeometry.model.HostTensor> m = new java.util.HashMap<>();
        for (String w : new String[] {"query", "key", "value"}) {
            m.put(HeadWeights.weightName(0, w), new org.bertgeometry.model.HostTensor(new int[] {2, 2},
                    new float[] {1, 2, 3, 4}));
            m.put(HeadWeights.biasName(0, w), new org.bertgeometry.model.HostTensor(new int[] {2},
                    new float[] {10, 20}));
        }
        org.bertgeometry.model.BertWeights weights = new org.bertgeometry.model.BertWeights(m);
        double[][] x = {{1, 0}, {0, 1}};
        // HF: q_0 = W x_0 + b = [1, 3] + [10, 20]
        HeadRecomputation.Activations hf = HeadRecomputation.of(weights, 0, 0, 1, x, new boolean[] {true, false},
                Convention.HF_EXACT);
        assertArrayEquals(new double[] {11, 23}, hf.q()[0], 0);
        assertArrayEquals(new double[] {1, 0}, hf.p()[0], 0, "the padding key is masked");
        // CODE_COMPAT: q_0 = W^T x_0 = [1, 2], no bias, and the mask is ignored
        HeadRecomputation.Activations cc = HeadRecomputation.of(weights, 0, 0, 1, x, new boolean[] {true, false},
                Convention.CODE_COMPAT);
        assertArrayEquals(new double[] {1, 2}, cc.q()[0], 0);
        assertTrue(cc.p()[0][1] > 0, "CODE_COMPAT attends to padding as the reference did");
    }

    @Test
    void codeCompatOffsetsSpectralAnalysesByOneLayer() {
        assertEquals(4, Convention.CODE_COMPAT.hiddenStateIndex(3, Convention.Use.SPECTRAL));
        assertEquals(3, Convention.CODE_COMPAT.hiddenStateIndex(3, Convention.Use.CONE_INDEX));
        assertEquals(3, Convention.HF_EXACT.hiddenStateIndex(3, Convention.Use.SPECTRAL));
    }
}
