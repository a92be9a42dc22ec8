package org.bertgeometry.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Attention flow against values that do not come from the max-flow code: single edges, sums of
 * edge-disjoint paths, and minimum cuts enumerated by brute force (max-flow = min-cut). Tolerance
 * 1e-12: the expected values are sums of a few capacities, and the solver ignores residuals below
 * {@link AttentionFlow#RESIDUAL_EPSILON} (1e-12) on at most a handful of cut edges.
 */
class AttentionFlowTest {

    private static final double TOL = 1e-12;

    /** Rows of exp(3 * gaussian), normalised: positive, softmax-like, with a few dominant keys. */
    private static double[][] softmaxMap(int n, Random r) {
        double[][] m = new double[n][n];
        for (double[] row : m) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                row[j] = Math.exp(3 * r.nextGaussian());
                s += row[j];
            }
            for (int j = 0; j < n; j++) {
                row[j] /= s;
            }
        }
        return m;
    }

    private static List<List<double[][]>> randomLayers(int layers, int heads, int n, Random r) {
        List<List<double[][]>> out = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            List<double[][]> hs = new ArrayList<>();
            for (int h = 0; h < heads; h++) {
                hs.add(softmaxMap(n, r));
            }
            out.add(hs);
        }
        return out;
    }

    @Test
    void oneLayerFlowIsTheAugmentedWeightOfTheSingleEdge() {
        // with one layer the only path from (1, i) to (0, j) is the edge itself
        List<List<double[][]>> layers = randomLayers(1, 3, 5, new Random(1));
        double[][] ahat = AttentionRollout.augmented(layers.get(0));
        double[][] flow = AttentionFlow.all(layers);
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(ahat[i], flow[i], TOL);
        }
    }

    @Test
    void oneLayerHandExample() {
        // map [[1,0],[0.5,0.5]]: + I = [[2,0],[0.5,1.5]], rows / 2 = [[1,0],[0.25,0.75]]
        double[][] a = {{1, 0}, {0.5, 0.5}};
        double[][] flow = AttentionFlow.all(List.of(List.<double[][]>of(a)));
        assertArrayEquals(new double[] {1, 0}, flow[0], TOL);
        assertArrayEquals(new double[] {0.25, 0.75}, flow[1], TOL);
    }

    @Test
    void twoLayerFlowIsTheSumOverMiddleNodesOfTheSmallerCapacity() {
        // From s = (2, i) to t = (0, j) every path is s -> (1, k) -> t for one k. Two such paths share
        // no edge (their edges are named by k), so the paths are independent: path k carries at most
        // min(Ahat2[i][k], Ahat1[k][j]) (conservation at (1, k)) and can carry exactly that. Hence
        // flow(i, j) = sum_k min(Ahat2[i][k], Ahat1[k][j]).
        int n = 6;
        for (int seed = 0; seed < 5; seed++) {
            List<List<double[][]>> layers = randomLayers(2, 2, n, new Random(100 + seed));
            double[][] a1 = AttentionRollout.augmented(layers.get(0));
            double[][] a2 = AttentionRollout.augmented(layers.get(1));
            double[][] flow = AttentionFlow.all(layers);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double expected = 0;
                    for (int k = 0; k < n; k++) {
                        expected += Math.min(a2[i][k], a1[k][j]);
                    }
                    assertEquals(expected, flow[i][j], TOL, "seed " + seed + " pair " + i + "," + j);
                }
            }
        }
    }

    /**
     * The minimum s-t cut of the full layered graph (every node of every layer), by enumerating which
     * of the nodes other than s and t lie on the source side.
     */
    private static double bruteForceMinCut(List<double[][]> ahat, int n, int source, int sink) {
        int layers = ahat.size();
        int nodes = (layers + 1) * n;
        int s = layers * n + source;
        int t = sink;
        int[] free = new int[nodes - 2];
        int f = 0;
        for (int v = 0; v < nodes; v++) {
            if (v != s && v != t) {
                free[f++] = v;
            }
        }
        double best = Double.POSITIVE_INFINITY;
        boolean[] sourceSide = new boolean[nodes];
        for (int mask = 0; mask < (1 << free.length); mask++) {
            java.util.Arrays.fill(sourceSide, false);
            sourceSide[s] = true;
            for (int b = 0; b < free.length; b++) {
                sourceSide[free[b]] = (mask >> b & 1) == 1;
            }
            double cut = 0;
            for (int l = 1; l <= layers; l++) {
                double[][] a = ahat.get(l - 1);
                for (int i = 0; i < n; i++) {
                    for (int k = 0; k < n; k++) {
                        if (sourceSide[l * n + i] && !sourceSide[(l - 1) * n + k]) {
                            cut += a[i][k];
                        }
                    }
                }
            }
            best = Math.min(best, cut);
        }
        return best;
    }

    @Test
    void threeAndFourLayerFlowEqualsTheBruteForceMinimumCut() {
        int n = 3;
        for (int layersCount = 3; layersCount <= 4; layersCount++) {
            for (int seed = 0; seed < 4; seed++) {
                List<List<double[][]>> layers = randomLayers(layersCount, 2, n, new Random(7 * seed + layersCount));
                List<double[][]> ahat = augmented(layers);
                double[][] flow = AttentionFlow.all(layers);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        assertEquals(bruteForceMinCut(ahat, n, i, j), flow[i][j], TOL,
                                layersCount + " layers, seed " + seed + ", pair " + i + "," + j);
                    }
                }
            }
        }
    }

    /**
     * Textbook Edmonds-Karp (shortest augmenting paths by breadth-first search) on the full adjacency
     * matrix of the layered graph, every node of every layer included: an independent second solver.
     */
    private static double edmondsKarp(List<double[][]> ahat, int n, int source, int sink) {
        int layers = ahat.size();
        int nodes = (layers + 1) * n;
        double[][] res = new double[nodes][nodes];
        for (int l = 1; l <= layers; l++) {
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < n; k++) {
                    res[l * n + i][(l - 1) * n + k] = ahat.get(l - 1)[i][k];
                }
            }
        }
        int s = layers * n + source;
        int t = sink;
        double total = 0;
        while (true) {
            int[] parent = new int[nodes];
            java.util.Arrays.fill(parent, -1);
            parent[s] = s;
            java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>(List.of(s));
            while (!queue.isEmpty() && parent[t] < 0) {
                int u = queue.poll();
                for (int v = 0; v < nodes; v++) {
                    if (parent[v] < 0 && res[u][v] > 1e-15) {
                        parent[v] = u;
                        queue.add(v);
                    }
                }
            }
            if (parent[t] < 0) {
                return total;
            }
            double d = Double.POSITIVE_INFINITY;
            for (int v = t; v != s; v = parent[v]) {
                d = Math.min(d, res[parent[v]][v]);
            }
            for (int v = t; v != s; v = parent[v]) {
                res[parent[v]][v] -= d;
                res[v][parent[v]] += d;
            }
            total += d;
        }
    }

    @Test
    void deeperGraphsAgreeWithAPlainEdmondsKarpOnTheFullAdjacencyMatrix() {
        // more positions and layers than the brute-force cut can enumerate; tolerance 1e-10 because
        // the two solvers round along different augmenting paths (tens of additions of values <= 1)
        int[][] sizes = {{6, 6}, {8, 3}}; // {positions, layers}
        for (int[] size : sizes) {
            int n = size[0];
            List<List<double[][]>> layers = randomLayers(size[1], 2, n, new Random(21 + n));
            List<double[][]> ahat = augmented(layers);
            double[][] flow = AttentionFlow.all(layers);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    assertEquals(edmondsKarp(ahat, n, i, j), flow[i][j], 1e-10,
                            size[1] + " layers, pair " + i + "," + j);
                }
            }
        }
    }

    @Test
    void zeroCapacityEdgesBlockTheFlowAndTheIdentityLayerKeepsPositions() {
        // Layers 1 and 3: map [[0,1],[0,1]]; + I = [[1,1],[0,2]], rows / 2 = [[0.5,0.5],[0,1]].
        // Layer 2: the identity map; Ahat2 = (I + I) / 2 = I, so (2, k) -> (1, k) only, capacity 1.
        // From (3,0) to (0,1): paths (3,0) -> (2,k) -> (1,k) -> (0,1), k = 0, 1, edge-disjoint:
        //   k = 0: min(Ahat3[0][0] = 0.5, 1, Ahat1[0][1] = 0.5) = 0.5
        //   k = 1: min(Ahat3[0][1] = 0.5, 1, Ahat1[1][1] = 1)   = 0.5   -> flow 1.0
        // From (3,1) to (0,0): Ahat3[1][0] = 0, so the only path is (3,1) -> (2,1) -> (1,1) -> (0,0),
        //   whose last edge has capacity Ahat1[1][0] = 0                  -> flow 0.
        double[][] switchMap = {{0, 1}, {0, 1}};
        double[][] identity = {{1, 0}, {0, 1}};
        List<List<double[][]>> layers = List.of(heads(switchMap), heads(identity), heads(switchMap));
        assertEquals(1.0, AttentionFlow.fromOutput(layers, 0)[1], TOL);
        assertEquals(0.0, AttentionFlow.fromOutput(layers, 1)[0], TOL);
    }

    @Test
    void fromOutputIsTheRowOfAll() {
        List<List<double[][]>> layers = randomLayers(4, 3, 7, new Random(5));
        double[][] all = AttentionFlow.all(layers);
        for (int i = 0; i < 7; i++) {
            assertArrayEquals(all[i], AttentionFlow.fromOutput(layers, i), 0.0);
        }
    }

    @Test
    void parallelGivesExactlyTheSequentialValues() {
        List<List<double[][]>> layers = randomLayers(5, 2, 12, new Random(9));
        assertArrayEquals(AttentionFlow.fromOutput(layers, 0, AttentionFlow.Scale.RAW, false),
                AttentionFlow.fromOutput(layers, 0, AttentionFlow.Scale.RAW, true), 0.0);
        double[][] seq = AttentionFlow.all(layers, AttentionFlow.Scale.RAW, false);
        double[][] par = AttentionFlow.all(layers, AttentionFlow.Scale.RAW, true);
        for (int i = 0; i < seq.length; i++) {
            assertArrayEquals(seq[i], par[i], 0.0);
        }
    }

    @Test
    void rawValuesLieBetweenZeroAndOneAndNormalizedRowsSumToOne() {
        // the source's out-capacity is one row of Ahat_L, which sums to 1
        List<List<double[][]>> layers = randomLayers(3, 2, 8, new Random(3));
        double[] raw = AttentionFlow.fromOutput(layers, 2);
        double[] norm = AttentionFlow.fromOutput(layers, 2, AttentionFlow.Scale.NORMALIZED, false);
        double sum = 0;
        double normSum = 0;
        for (int j = 0; j < raw.length; j++) {
            assertTrue(raw[j] >= 0 && raw[j] <= 1 + TOL, "raw flow " + raw[j]);
            sum += raw[j];
            normSum += norm[j];
        }
        assertEquals(1.0, normSum, 1e-12);
        for (int j = 0; j < raw.length; j++) {
            assertEquals(raw[j] / sum, norm[j], 1e-15);
        }
    }

    @Test
    void badInputIsRejectedWithTheProblemNamed() {
        double[][] ok = {{0.5, 0.5}, {0.5, 0.5}};
        assertMessage("no layers", () -> AttentionFlow.fromOutput(List.of(), 0));
        assertMessage("layer 1 has no head maps",
                () -> AttentionFlow.fromOutput(List.of(heads(ok), heads()), 0));
        assertMessage("layer 1 head 0 map is 3x3 but layer 0 head 0 map is 2x2",
                () -> AttentionFlow.fromOutput(List.of(heads(ok), heads(new double[3][3])), 0));
        assertMessage("layer 0 head 1 map must be square",
                () -> AttentionFlow.fromOutput(List.of(heads(ok, new double[2][3])), 0));
        assertMessage("layer 0 head 0 map has a non-finite value NaN",
                () -> AttentionFlow.fromOutput(List.of(heads(new double[][] {{0, Double.NaN}, {1, 0}})), 0));
        assertMessage("layer 0 head 0 map has a negative weight -0.1 at row 1, column 0",
                () -> AttentionFlow.fromOutput(List.of(heads(new double[][] {{1, 0}, {-0.1, 1.1}})), 0));
        assertMessage("output position 2 is outside the maps' 0..1",
                () -> AttentionFlow.fromOutput(List.of(heads(ok)), 2));
    }

    private static List<double[][]> heads(double[][]... maps) {
        return List.of(maps);
    }

    private static void assertMessage(String expectedPart, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains(expectedPart), "message was: " + e.getMessage());
    }

    /** Each layer's head-mean plus identity, row-normalised: the graph's edge capacities. */
    private static List<double[][]> augmented(List<List<double[][]>> layers) {
        List<double[][]> ahat = new ArrayList<>();
        for (List<double[][]> heads : layers) {
            ahat.add(AttentionRollout.augmented(heads));
        }
        return ahat;
    }
}
