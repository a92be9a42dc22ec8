package org.bertgeometry.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bertgeometry.model.BertConfig;
import org.bertgeometry.model.BertWeights;
import org.bertgeometry.model.HostTensor;
import org.junit.jupiter.api.Test;

class DirectionalityTest {

    private static final Directionality.Params P = Directionality.Params.defaults();

    private static double[][] gaussian(int rows, int cols, long seed) {
        Random r = new Random(seed);
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return m;
    }

    @Test
    void identicalQueryAndKeyProjectionsGiveASymmetricScoreWithDeltaZero() {
        // M = A^T A is symmetric positive semidefinite: delta 0, dk positive eigenvalues, angles 0
        double[][] a = gaussian(4, 12, 1);
        Directionality.HeadResult r = Directionality.ofHead(0, 0, a, a, P);
        assertEquals(0.0, r.delta(), 1e-7);
        assertEquals(4, r.positive());
        assertEquals(0, r.negative());
        assertEquals(8, r.zero());
        for (double angle : r.principalAngles()) {
            assertEquals(0.0, angle, 1e-6);
        }
    }

    @Test
    void skewScoreGivesDeltaOne() {
        // rows a1 = e1, a2 = -e2; b1 = e2, b2 = e1: M = e1 e2^T - e2 e1^T (skew), S = 0
        double[][] a = {{1, 0, 0, 0}, {0, -1, 0, 0}};
        double[][] b = {{0, 1, 0, 0}, {1, 0, 0, 0}};
        Directionality.HeadResult r = Directionality.ofHead(0, 0, a, b, P);
        assertEquals(1.0, r.delta(), 1e-12);
        assertEquals(Math.sqrt(2), r.normM(), 1e-12);
        assertEquals(0, r.positive() + r.negative());
    }

    @Test
    void randomProjectionsGiveDeltaNearOneOverSqrtTwo() {
        // E||S||^2 = E||K||^2 for independent Gaussian factors; with dk = 64, d = 768 the spread is ~1 %
        for (long seed = 1; seed <= 3; seed++) {
            Directionality.HeadResult r = Directionality.ofHead(0, 0, gaussian(64, 768, seed),
                    gaussian(64, 768, seed + 100), P);
            assertEquals(1 / Math.sqrt(2), r.delta(), 0.02, "seed " + seed);
        }
    }

    @Test
    void knownSubspacesGiveKnownPrincipalAngles() {
        // query span {e1, e2}; key span {e1, cos t e2 + sin t e3}: angles {0, t}
        double t = 0.4;
        double[][] a = {{1, 0, 0, 0, 0}, {0, 1, 0, 0, 0}};
        double[][] b = {{2, 0, 0, 0, 0}, {0, Math.cos(t), Math.sin(t), 0, 0}};
        Directionality.HeadResult r = Directionality.ofHead(0, 0, a, b, P);
        assertArrayEquals(new double[] {0, t}, r.principalAngles(), 1e-12);
    }

    @Test
    void orthogonalSubspacesGiveRightAngles() {
        double[][] a = {{1, 0, 0, 0}, {0, 1, 0, 0}};
        double[][] b = {{0, 0, 1, 0}, {0, 0, 0, 3}};
        Directionality.HeadResult r = Directionality.ofHead(0, 0, a, b, P);
        assertArrayEquals(new double[] {Math.PI / 2, Math.PI / 2}, r.principalAngles(), 1e-12);
        // M has disjoint row/column supports: tr(M^2) = 0, so ||S|| = ||K|| and delta = 1/sqrt 2 exactly
        assertEquals(1 / Math.sqrt(2), r.delta(), 1e-12);
        // S = (M + M^T)/2 with M = e1 e3^T + 3 e2 e4^T: eigenvalues +-1/2, +-3/2
        assertEquals(2, r.positive());
        assertEquals(2, r.negative());
    }

    @Test
    void conventionsSliceRowsOrTransposedColumns() {
        // W (4x4) = [[0,1,2,3],[4,5,6,7],...]; 2 heads of dk = 2
        float[] w = new float[16];
        for (int i = 0; i < 16; i++) {
            w[i] = i;
        }
        HostTensor t = new HostTensor(new int[] {4, 4}, w);
        assertArrayEquals(new double[] {8, 9, 10, 11}, HeadWeights.projection(t, 1, 2, Convention.HF_EXACT)[0]);
        // CODE_COMPAT head 1: columns 2,3 transposed -> first row is column 2 = {2, 6, 10, 14}
        assertArrayEquals(new double[] {2, 6, 10, 14}, HeadWeights.projection(t, 1, 2, Convention.CODE_COMPAT)[0]);
    }

    @Test
    void wholeModelTableHasOneRowPerLayerAndHead() {
        BertConfig cfg = BertConfig.fromJson("{\"hidden_size\":8,\"num_hidden_layers\":2,"
                + "\"num_attention_heads\":2,\"intermediate_size\":16,\"vocab_size\":10}");
        Map<String, HostTensor> m = new HashMap<>();
        Random r = new Random(7);
        for (int l = 0; l < 2; l++) {
            for (String which : new String[] {"query", "key"}) {
                float[] data = new float[64];
                for (int i = 0; i < 64; i++) {
                    data[i] = (float) r.nextGaussian();
                }
                m.put(HeadWeights.weightName(l, which), new HostTensor(new int[] {8, 8}, data));
            }
        }
        List<Directionality.HeadResult> rows = Directionality.ofModel(cfg, new BertWeights(m), P);
        assertEquals(4, rows.size());
        List<Directionality.HeadResult> par = Directionality.ofModel(cfg, new BertWeights(m), P, true);
        for (int i = 0; i < 4; i++) {
            assertEquals(rows.get(i).delta(), par.get(i).delta(), 0, "parallel run gives the same table");
        }
        assertEquals(1, rows.get(3).layer());
        assertEquals(1, rows.get(3).head());
    }

    @Test
    void mismatchedProjectionsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> Directionality.ofHead(0, 0, gaussian(2, 5, 1), gaussian(2, 6, 1), P));
        assertThrows(IllegalArgumentException.class,
                () -> Directionality.ofHead(0, 0, gaussian(2, 5, 1), gaussian(3, 5, 1), P));
    }

    @Test
    void attentionAsymmetryIsZeroForSymmetricAndPositiveOtherwise() {
        assertEquals(0.0, Directionality.attentionAsymmetry(new double[][] {{0.5, 0.5}, {0.5, 0.5}}), 0);
        // A = [[0,1],[0,1]]: A - A^T = [[0,1],[-1,0]] -> sqrt(2)/sqrt(2) = 1
        assertEquals(1.0, Directionality.attentionAsymmetry(new double[][] {{0, 1}, {0, 1}}), 1e-15);
    }
}
