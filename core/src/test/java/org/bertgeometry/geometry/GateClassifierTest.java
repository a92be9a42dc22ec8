package org.bertgeometry.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Synthetic maps built for each gate get that gate, with and without small seeded noise
 * (each entry times 1 + 0.01 u, u uniform in [-1, 1], rows renormalised).
 */
class GateClassifierTest {

    private static final int N = 64;
    private static final GateClassifier.Params P = GateClassifier.Params.defaults();

    /** Row i: `mass` spread over the given columns, the rest uniform over all columns. */
    private static double[][] map(double background, IntFunction<int[]> columns) {
        double[][] a = new double[N][N];
        for (int i = 0; i < N; i++) {
            int[] cols = columns.apply(i);
            double focus = cols.length == 0 ? 0 : 1 - background;
            double bg = cols.length == 0 ? 1.0 : background;
            for (int j = 0; j < N; j++) {
                a[i][j] = bg / N;
            }
            for (int c : cols) {
                a[i][c] += focus / cols.length;
            }
        }
        return a;
    }

    private static double[][] noisy(double[][] a, long seed) {
        if (seed < 0) {
            return a;
        }
        Random r = new Random(seed);
        double[][] b = new double[a.length][a.length];
        for (int i = 0; i < a.length; i++) {
            double s = 0;
            for (int j = 0; j < a.length; j++) {
                b[i][j] = a[i][j] * (1 + 0.01 * (2 * r.nextDouble() - 1));
                s += b[i][j];
            }
            for (int j = 0; j < a.length; j++) {
                b[i][j] /= s;
            }
        }
        return b;
    }

    private static int[] range(int from, int to) {
        int lo = Math.max(from, 0);
        int hi = Math.min(to, N - 1);
        if (hi < lo) {
            return new int[0];
        }
        int[] r = new int[hi - lo + 1];
        for (int k = 0; k < r.length; k++) {
            r[k] = lo + k;
        }
        return r;
    }

    private static GateLabel label(double[][] a, SpecialPositions sp) {
        return GateClassifier.classify(a, sp, P).label();
    }

    @ParameterizedTest(name = "seed {0} (-1 = no noise)")
    @ValueSource(longs = {-1, 1, 2, 3, 42})
    void verticalStripeIsDirectionalGate(long seed) {
        double[][] a = noisy(map(0.2, i -> new int[] {5}), seed);
        assertEquals(GateLabel.DIRECTIONAL_GATE, label(a, SpecialPositions.none()));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {-1, 1, 2, 3, 42})
    void nearUniformRowsAreOpenGate(long seed) {
        double[][] a = noisy(map(1.0, i -> new int[0]), seed);
        assertEquals(GateLabel.OPEN_GATE, label(a, SpecialPositions.none()));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {-1, 1, 2, 3, 42})
    void subDiagonalBandIsBackwardContextualGate(long seed) {
        double[][] a = noisy(map(0.1, i -> range(i - 3, i - 1)), seed);
        assertEquals(GateLabel.BACKWARD_CONTEXTUAL_GATE, label(a, SpecialPositions.none()));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {-1, 1, 2, 3, 42})
    void superDiagonalBandIsForwardContextualGate(long seed) {
        double[][] a = noisy(map(0.1, i -> range(i + 1, i + 3)), seed);
        assertEquals(GateLabel.FORWARD_CONTEXTUAL_GATE, label(a, SpecialPositions.none()));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {-1, 1, 2, 3, 42})
    void strongDiagonalIsInstanceGate(long seed) {
        double[][] a = noisy(map(0.2, i -> new int[] {i}), seed);
        assertEquals(GateLabel.INSTANCE_GATE, label(a, SpecialPositions.none()));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {-1, 1, 2, 3, 42})
    void blockDiagonalSegmentsAreClusterHead(long seed) {
        // four blocks of 16, uniform inside each block, nothing outside
        double[][] a = noisy(map(0.0, i -> range(i / 16 * 16, i / 16 * 16 + 15)), seed);
        assertEquals(GateLabel.CLUSTER_HEAD, label(a, SpecialPositions.none()));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {-1, 1, 2, 3, 42})
    void massOnSepIsClosedGate(long seed) {
        double[][] a = noisy(map(0.3, i -> new int[] {N - 1}), seed);
        assertEquals(GateLabel.CLOSED_GATE, label(a, new SpecialPositions(-1, new int[] {N - 1})));
    }

    @Test
    void theBuilderChangesOnlyTheParametersItNames() {
        assertEquals(P, GateClassifier.Params.builder().build(), "an untouched builder gives the defaults");
        GateClassifier.Params p = GateClassifier.Params.builder().thetaHi(0.4)
                .rankPolicy(GateClassifier.RankPolicy.ALWAYS).build();
        // the documented defaults are 0.3 and WHEN_NEEDED; the 19 others stay as they were
        assertEquals(new GateClassifier.Params(0.4, P.localWindow(), P.kThreshold(), P.singularValueCut(),
                P.closedSpecialMass(), P.closedWhenFlat(), P.directionalCone(), P.directionalMaxRank(), P.openKappa(),
                P.openEntropy(), P.contextualMass(), P.contextualRatio(), P.instanceSelf(), P.instanceMaxShare(),
                P.instanceMaxColumns(), P.clusterBlock(), P.clusterKappaMin(), P.clusterKappaMax(),
                P.segmentSimilarity(), P.segmentStarts(), GateClassifier.RankPolicy.ALWAYS), p);
        assertEquals(P.withClosedWhenFlat(true), P.toBuilder().closedWhenFlat(true).build());
    }

    @Test
    void statisticsOfAStripeAreReportedNextToTheLabel() {
        GateClassifier.Classification c = GateClassifier.classify(map(0.2, i -> new int[] {5}),
                SpecialPositions.none(), P);
        GateStatistics s = c.statistics();
        // column 5 holds 0.8 + 0.2/64 in every row
        assertEquals(0.8 + 0.2 / 64, s.strongestKeyMass(), 1e-12);
        assertEquals(5, s.strongestKey());
        assertEquals(1, s.rank());
        assertEquals(1.0, s.rowCone(), 1e-12);
        assertEquals(N, s.highCount());
    }

    @Test
    void specialMassIsTheShareOfRawRowsOnRemovedPositions() {
        double[][] a = map(0.3, i -> new int[] {N - 1});
        GateStatistics s = GateClassifier.statistics(a, new SpecialPositions(-1, new int[] {N - 1}), P);
        // each row: 0.7 + 0.3/64 on the last position
        assertEquals(0.7 + 0.3 / 64, s.specialMass(), 1e-12);
        assertEquals(N - 1, s.n());
    }

    @Test
    void closedWhenFlatOptionTurnsUniformMapsIntoClosedGates() {
        double[][] a = map(1.0, i -> new int[0]);
        assertEquals(GateLabel.CLOSED_GATE, GateClassifier.classify(a, SpecialPositions.none(),
                P.withClosedWhenFlat(true)).label());
    }

    @Test
    void defaultComputesTheRankOnlyWhereTheDirectionalRuleReadsIt() {
        assertEquals(GateClassifier.RankPolicy.WHEN_NEEDED, P.rankPolicy());
        GateClassifier.Classification band = GateClassifier.classify(map(0.1, i -> range(i - 3, i - 1)),
                SpecialPositions.none(), P);
        assertEquals(GateLabel.BACKWARD_CONTEXTUAL_GATE, band.label());
        assertEquals(-1, band.statistics().rank());
        assertEquals("", band.statistics().csvValues()[java.util.Arrays.asList(GateStatistics.csvHeader()).indexOf("rank")], "rank column of a rank not computed");
    }

    /**
     * A stripe plus a weaker diagonal: rows nearly parallel (cosine about 0.996 by hand, so the row cone
     * passes 0.99) and c* about 0.75, but the diagonal makes every singular value at least about 0.05,
     * so the rank is 64 and the directional rule must fail after the deferred SVD.
     */
    private static double[][] stripeWithDiagonal() {
        double[][] a = map(0.2, i -> new int[] {5});
        for (int i = 0; i < N; i++) {
            a[i][5] -= 0.05;
            a[i][i] += 0.05;
        }
        return a;
    }

    @ParameterizedTest(name = "seed {0} (-1 = no noise)")
    @ValueSource(longs = {-1, 1, 2})
    void deferredRankGivesTheSameLabelsAsTheRankOfEveryMap(long seed) {
        GateClassifier.Params every = P.withRankPolicy(GateClassifier.RankPolicy.ALWAYS);
        java.util.List<double[][]> maps = java.util.List.of(map(0.2, i -> new int[] {5}), map(1.0, i -> new int[0]),
                map(0.1, i -> range(i - 3, i - 1)), map(0.1, i -> range(i + 1, i + 3)), map(0.2, i -> new int[] {i}),
                map(0.3, i -> new int[] {N - 1}), map(0.1, i -> range(i / 16 * 16, i / 16 * 16 + 15)),
                stripeWithDiagonal());
        for (double[][] m : maps) {
            double[][] a = noisy(m, seed);
            GateClassifier.Classification lazy = GateClassifier.classify(a, SpecialPositions.none(), P);
            GateClassifier.Classification full = GateClassifier.classify(a, SpecialPositions.none(), every);
            assertEquals(full.label(), lazy.label());
            assertEquals(full.rule(), lazy.rule());
            assertTrue(full.statistics().rank() >= 1);
            assertTrue(lazy.statistics().rank() == -1 || lazy.statistics().rank() == full.statistics().rank());
        }
        double[][] tricky = noisy(stripeWithDiagonal(), seed);
        GateClassifier.Classification c = GateClassifier.classify(tricky, SpecialPositions.none(), P);
        assertTrue(c.statistics().rowCone() >= 0.99, "row cone " + c.statistics().rowCone());
        assertTrue(c.statistics().strongestKeyMass() >= 0.3);
        assertEquals(N, c.statistics().rank(), "the deferred rank is computed when the other conditions hold");
        assertTrue(c.label() != GateLabel.DIRECTIONAL_GATE);
    }

    /**
     * Rows spread 0.8 over 8 distant columns (0.1 each, below theta_hi 0.3, so kappa is about 0.5 and
     * the row entropy about 0.69 by hand: neither open nor local), except rows 10 and 20, which also put
     * 0.5 on the given key column (renormalised: 0.5 / 1.5 + ... >= 0.3): two isolated high entries.
     */
    private static double[][] instanceOn(int key) {
        double[][] a = map(0.2, i -> {
            int[] c = new int[8];
            for (int k = 0; k < 8; k++) {
                c[k] = (i + 16 + 5 * k) % N;
            }
            return c;
        });
        for (int i : new int[] {10, 20}) {
            a[i][key] += 0.5;
            for (int j = 0; j < N; j++) {
                a[i][j] /= 1.5;
            }
        }
        return a;
    }

    @Test
    void isolatedHighEntriesAreAnInstanceGateOnlyWhereTheirColumnsDifferBetweenClasses() {
        // classes a and c single out key 30, class b key 50: each has a column some other class lacks
        java.util.List<GateClassifier.Classification> differ = GateClassifier.classifyClasses(
                java.util.List.of(instanceOn(30), instanceOn(50), instanceOn(30)),
                java.util.List.of(SpecialPositions.none(), SpecialPositions.none(), SpecialPositions.none()), P);
        for (GateClassifier.Classification c : differ) {
            assertEquals(2, c.statistics().highCount());
            assertEquals(GateLabel.INSTANCE_GATE, c.label());
            assertTrue(c.rule().contains("not all shared with the other classes"), c.rule());
        }
        // every class singles out the same key: not an instance of anything class-specific
        java.util.List<GateClassifier.Classification> shared = GateClassifier.classifyClasses(
                java.util.List.of(instanceOn(30), instanceOn(30)),
                java.util.List.of(SpecialPositions.none(), SpecialPositions.none()), P);
        for (GateClassifier.Classification c : shared) {
            assertTrue(c.label() != GateLabel.INSTANCE_GATE, c.label() + ": " + c.rule());
        }
        // one map alone: the class clause cannot be checked and is not applied, and the rule says so
        GateClassifier.Classification alone = GateClassifier.classify(instanceOn(30), SpecialPositions.none(), P);
        assertEquals(GateLabel.INSTANCE_GATE, alone.label());
        assertTrue(alone.rule().contains("classes not compared"), alone.rule());
        assertEquals(alone, GateClassifier.classifyClasses(java.util.List.<double[][]>of(instanceOn(30)),
                java.util.List.of(SpecialPositions.none()), P).get(0));
    }

    @Test
    void classifyClassesNeedsOneSetOfSpecialPositionsPerMap() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GateClassifier.classifyClasses(
                java.util.List.of(instanceOn(30), instanceOn(50)), java.util.List.of(SpecialPositions.none()), P));
        assertTrue(e.getMessage().contains("2 class maps but 1"), e.getMessage());
    }

    @Test
    void classifyAllInParallelGivesTheSequentialLabelsInOrder() {
        java.util.List<double[][]> maps = java.util.List.of(map(0.2, i -> new int[] {5}), map(1.0, i -> new int[0]),
                map(0.1, i -> range(i - 3, i - 1)), map(0.2, i -> new int[] {i}));
        java.util.List<GateClassifier.Classification> seq = GateClassifier.classifyAll(maps, SpecialPositions.none(), P, false);
        java.util.List<GateClassifier.Classification> par = GateClassifier.classifyAll(maps, SpecialPositions.none(), P, true);
        assertEquals(java.util.List.of(GateLabel.DIRECTIONAL_GATE, GateLabel.OPEN_GATE,
                GateLabel.BACKWARD_CONTEXTUAL_GATE, GateLabel.INSTANCE_GATE),
                seq.stream().map(GateClassifier.Classification::label).toList());
        assertEquals(seq, par);
    }

    @Test
    void rejectsNonSquareNonFiniteAndOutOfRangeSpecials() {
        assertThrows(IllegalArgumentException.class,
                () -> GateClassifier.classify(new double[][] {{1, 0}}, SpecialPositions.none(), P));
        assertThrows(IllegalArgumentException.class,
                () -> GateClassifier.classify(new double[][] {{Double.NaN, 0}, {0, 1}}, SpecialPositions.none(), P));
        assertThrows(IllegalArgumentException.class,
                () -> GateClassifier.classify(new double[][] {{1, 0}, {0, 1}}, new SpecialPositions(-1, new int[] {2}), P));
        assertThrows(IllegalArgumentException.class,
                () -> GateClassifier.classify(new double[0][], SpecialPositions.none(), P));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GateClassifier.classify(new double[][] {{1, 0, 0}, {0, 1}, {0, 0, 1}}, SpecialPositions.none(), P));
        assertTrue(e.getMessage().contains("not rectangular"), e.getMessage());
    }
}
