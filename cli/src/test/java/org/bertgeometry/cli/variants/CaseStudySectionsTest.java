package org.bertgeometry.cli.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bertgeometry.variants.abstention.AbstentionRule;
import org.bertgeometry.variants.abstention.KmerSignatures;
import org.bertgeometry.variants.abstention.MahalanobisScorer;
import org.bertgeometry.variants.abstention.SignatureCheck;
import org.bertgeometry.variants.classifier.VariantPredictor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report sections' computations on hand-made inputs whose answers are worked out by hand. */
class CaseStudySectionsTest {

    @TempDir
    Path dir;

    @Test
    void unassignedSharesFollowEachThreshold() {
        // one class with mean (0, 0) and covariance diag(0.5, 0.5) (+ ridge); distance threshold 4, probability 0.8;
        // class 0's 3-mer signature against reference AAAAA is {CCC} (its only training spike CCCC), threshold 1
        MahalanobisScorer s = MahalanobisScorer.fit(new double[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}},
                new int[] {0, 0, 0, 0}, 1);
        SignatureCheck check = new SignatureCheck(KmerSignatures.fit("AAAAA", List.of("CCCC"), new int[] {0}, 2, 3, 0.5),
                1.0);
        AbstentionRule rule = new AbstentionRule(0.8, 4, s, check);
        double[][] probs = {{0.9, 0.1}, {0.7, 0.3}, {0.95, 0.05}, {0.6, 0.4}, {0.9, 0.1}};
        double[][] features = {{0, 0}, {0, 0}, {3, 0}, {3, 0}, {0, 0}}; // (3,0): 9 / 0.5005 > 4
        List<String> spikes = List.of("ACCCA", "CCC", "CCC", "AAAA", "AAAA");
        VariantPredictor.Predictions p = new VariantPredictor.Predictions(probs, new int[] {0, 0, 0, 0, 0}, 0, features);
        AbstentionSection.SetRow r = AbstentionSection.measure("x", true, p, new int[] {0, 1, 0, 0, 0}, spikes, rule);
        assertEquals(0.4, r.unassignedByProbability(), 1e-12); // rows 2 and 4
        assertEquals(0.4, r.unassignedByDistance(), 1e-12);    // rows 3 and 4
        assertEquals(0.4, r.unassignedBySignature(), 1e-12);   // rows 4 and 5 lack CCC
        assertEquals(0.8, r.unassigned(), 1e-12);              // all but row 1
        assertEquals(1.0, r.accuracyOnAssigned(), 1e-12);      // row 1 answered, and right
        assertTrue(Double.isNaN(AbstentionSection.measure("y", false, p, null, spikes, rule).accuracyOnAssigned()));
    }

    @Test
    void dbscanOfTwoSeparateBlobsFindsTheClassesExactly() {
        double[][] x = new double[12][];
        int[] labels = new int[12];
        for (int i = 0; i < 12; i++) {
            int c = i < 6 ? 0 : 1;
            x[i] = new double[] {c * 100 + 0.1 * (i % 6), c * 100 - 0.05 * (i % 6)};
            labels[i] = c;
        }
        FurtherAnalysesSection.ClusterRow r = FurtherAnalysesSection.cluster(x, labels);
        assertEquals(2, r.clusters());
        assertEquals(0, r.noise());
        assertEquals(1.0, r.homogeneity(), 1e-12);
        assertEquals(1.0, r.completeness(), 1e-12);
        assertEquals(1.0, r.adjustedRandIndex(), 1e-12);
        // within a blob points are 0.1118 apart per step; the 4th nearest other point lies 2 to 4 steps away
        double step = Math.hypot(0.1, 0.05);
        assertTrue(r.eps() >= 2 * step - 1e-9 && r.eps() <= 5 * step + 1e-9, "eps " + r.eps());
    }

    @Test
    void probeSeparatesAClassThatOneCoordinateDecides() {
        double[][] x = new double[40][];
        int[] labels = new int[40];
        for (int i = 0; i < 40; i++) {
            labels[i] = (i / 2) % 4;                 // classes 0..3 in pairs, so both halves hold each
            x[i] = new double[] {labels[i] == 2 ? 5 : -5, Math.sin(i)};
        }
        List<FurtherAnalysesSection.ProbeRow> rows = FurtherAnalysesSection.probes(0, x, labels,
                List.of("a", "b", "c", "d"));
        FurtherAnalysesSection.ProbeRow c = rows.stream().filter(r -> r.positiveClass().equals("c")).findFirst()
                .orElseThrow();
        assertEquals(20, c.trainVectors());
        assertEquals(1.0, c.accuracy(), 1e-12);
        assertEquals(1.0, c.f1(), 1e-12);
    }

    @Test
    void domainAttentionOfUniformAndConcentratedMaps() {
        double[][] uniform = new double[4][4];
        double[][] onDomain = new double[4][4];
        for (int i = 0; i < 4; i++) {
            java.util.Arrays.fill(uniform[i], 0.25);
            onDomain[i][1] = 0.5;
            onDomain[i][2] = 0.5;
        }
        // keys 1..2 are half of the keys: uniform attention puts half its mass there, z = 0
        FurtherAnalysesSection.DomainRow u = FurtherAnalysesSection.domainRow("D", 0, 0, uniform, 1, 2, 1);
        assertEquals(0.5, u.proportion(), 1e-12);
        assertEquals(0.5, u.keyShare(), 1e-12);
        assertEquals(0, u.z(), 1e-12);
        assertFalse(u.significant());
        // all mass on the domain: count1/nobs1 = 4/4 against 8/16; pooled 12/20 = 0.6,
        // se = sqrt(0.6 * 0.4 * (1/4 + 1/16)) = 0.27386, z = 0.5 / 0.27386 = 1.8257
        FurtherAnalysesSection.DomainRow d = FurtherAnalysesSection.domainRow("D", 0, 0, onDomain, 1, 2, 1);
        assertEquals(1.0, d.proportion(), 1e-12);
        assertEquals(0.5 / Math.sqrt(0.6 * 0.4 * (0.25 + 0.0625)), d.z(), 1e-9);
    }

    @Test
    void robustnessCsvHoldsEveryPointOfEveryCurve() throws Exception {
        RobustnessSection s = new RobustnessSection(List.of(new RobustnessSection.Curve("x", "thing", "setup",
                List.of(new RobustnessSection.Point(0, 8, 1.0, 1.0), new RobustnessSection.Point(2, 8, 0.5, 0.4)))));
        Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(dir.resolve("figures"));
        s.write(dir.resolve("data"), dir.resolve("figures"));
        List<String> rows = Files.readAllLines(dir.resolve("data/robustness-x.csv"));
        assertEquals("value,sequences,accuracy,macro_f1", rows.get(0));
        assertEquals(3, rows.size());
        assertTrue(rows.get(2).startsWith("2"), rows.get(2));
        assertTrue(Files.size(dir.resolve("figures/robustness-x.png")) > 0);
    }
}
