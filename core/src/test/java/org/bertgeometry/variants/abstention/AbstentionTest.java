package org.bertgeometry.variants.abstention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calibration error, the distance score, the abstention thresholds and the coverage curve on hand-made cases. */
class AbstentionTest {

    @TempDir
    Path dir;

    @Test
    void expectedCalibrationErrorOfAHandMadeCase() {
        // bins of width 0.1: (0.9, 1] holds 0.95 right and 0.95 wrong: gap |0.5 - 0.95| = 0.45 for 2 of 4;
        // (0.8, 0.9] holds 0.85 right (gap 0.15) and (0.5, 0.6] 0.55 right (gap 0.45), 1 of 4 each.
        // ECE = 0.5 * 0.45 + 0.25 * 0.15 + 0.25 * 0.45 = 0.375
        ReliabilityDiagram d = ReliabilityDiagram.compute(new double[] {0.95, 0.95, 0.85, 0.55},
                new boolean[] {true, false, true, true}, 10);
        assertEquals(0.375, d.ece(), 1e-12);
        assertEquals(10, d.bins().size());
        assertEquals(2, d.bins().get(9).count());
        assertEquals(0.5, d.bins().get(9).accuracy(), 1e-12);
        assertEquals(0, d.bins().get(0).count());
        // an upper edge belongs to its bin: 0.9 lies in (0.8, 0.9]
        assertEquals(1, ReliabilityDiagram.compute(new double[] {0.9}, new boolean[] {true}, 10).bins().get(8).count());
    }

    @Test
    void perfectlyCalibratedConfidenceHasZeroError() {
        // confidence 0.75 in one bin, three of four right
        ReliabilityDiagram d = ReliabilityDiagram.compute(new double[] {0.75, 0.75, 0.75, 0.75},
                new boolean[] {true, true, true, false}, 4);
        assertEquals(0, d.ece(), 1e-12);
    }

    @Test
    void mahalanobisScoreOfAHandMadeCase() {
        // two classes of four points each, at distance 1 along the axes from (0,0) and from (10,0):
        // shared covariance diag(4 * 1 / 8, 4 * 1 / 8) = diag(0.5, 0.5); ridge 1e-3 * 0.5 on the diagonal
        double[][] x = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}, {11, 0}, {9, 0}, {10, 1}, {10, -1}};
        int[] y = {0, 0, 0, 0, 1, 1, 1, 1};
        MahalanobisScorer s = MahalanobisScorer.fit(x, y, 2);
        double var = 0.5 + 1e-3 * 0.5;
        assertEquals(4 / var, s.score(new double[] {0, 2}), 1e-9);
        assertEquals(1 / var, s.score(new double[] {9, 0}), 1e-9);
        assertEquals(25 / var, s.score(new double[] {5, 0}), 1e-9);
    }

    @Test
    void quantileFollowsLinearInterpolation() {
        // numpy.quantile([1, 2, 3, 4], 0.25) = 1.75, 0.5 -> 2.5, 1 -> 4
        double[] v = {4, 1, 3, 2};
        assertEquals(1.75, AbstentionRule.quantile(v, 0.25), 1e-12);
        assertEquals(2.5, AbstentionRule.quantile(v, 0.5), 1e-12);
        assertEquals(4, AbstentionRule.quantile(v, 1), 1e-12);
    }

    @Test
    void ruleAbstainsOnLowProbabilityOrFarVectorsAndSurvivesSaveAndLoad() throws IOException {
        MahalanobisScorer s = MahalanobisScorer.fit(new double[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}},
                new int[] {0, 0, 0, 0}, 1);
        AbstentionRule r = AbstentionRule.calibrate(new double[] {0.9, 0.95, 0.99, 1.0}, new double[] {1, 2, 3, 4},
                0.0, s);
        assertEquals(0.9, r.minProbability(), 1e-12);
        assertEquals(4, r.maxDistance(), 1e-12);
        assertFalse(r.abstains(new double[] {0.95, 0.05}, new double[] {0.5, 0.5}, "ACGT"));
        assertTrue(r.abstains(new double[] {0.6, 0.4}, new double[] {0.5, 0.5}, "ACGT"), "probability below 0.9");
        assertTrue(r.abstains(new double[] {0.99, 0.01}, new double[] {3, 0}, "ACGT"), "distance 9 / 0.5005 beyond 4");
        r.save(dir);
        AbstentionRule back = AbstentionRule.load(dir);
        assertEquals(r.minProbability(), back.minProbability());
        assertEquals(r.maxDistance(), back.maxDistance());
        assertEquals(s.score(new double[] {1.5, -2}), back.scorer().score(new double[] {1.5, -2}), 1e-12);
        IOException missing = assertThrows(IOException.class, () -> AbstentionRule.load(dir.resolve("none")));
        assertTrue(missing.getMessage().contains("no abstention rule"), missing.getMessage());
    }

    @Test
    void coverageCurveOfAHandMadeCase() {
        // ranked by certainty 0.9, 0.8, 0.7, 0.6: right, right, wrong, right
        CoverageCurve c = CoverageCurve.compute(new double[] {0.6, 0.9, 0.7, 0.8},
                new boolean[] {true, true, false, true}, 4);
        assertEquals(4, c.points().size());
        assertEquals(0.75, c.points().get(0).accuracy(), 1e-12); // all four
        assertEquals(2 / 3.0, c.points().get(1).accuracy(), 1e-12); // 0.9, 0.8, 0.7
        assertEquals(1.0, c.points().get(2).accuracy(), 1e-12);
        assertEquals(0.5, c.points().get(2).coverage(), 1e-12);
        assertEquals(1, c.points().get(3).answered());
    }
}
