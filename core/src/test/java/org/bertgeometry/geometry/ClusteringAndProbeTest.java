package org.bertgeometry.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.bertgeometry.model.BertWeights;
import org.bertgeometry.model.HostTensor;
import org.junit.jupiter.api.Test;

class ClusteringAndProbeTest {

    @Test
    void homogeneityCompletenessAndAriMatchScikitLearnDocumentedExamples() {
        // examples from the scikit-learn user guide / docstrings
        assertEquals(1.0, ClusteringMetrics.homogeneity(new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 2}), 1e-12);
        assertEquals(0.0, ClusteringMetrics.homogeneity(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1}), 1e-12);
        assertEquals(1.0, ClusteringMetrics.completeness(new int[] {0, 0, 1, 1}, new int[] {0, 0, 0, 0}), 1e-12);
        assertEquals(0.0, ClusteringMetrics.completeness(new int[] {0, 0, 0, 0}, new int[] {0, 1, 2, 3}), 1e-12);
        assertEquals(1.0, ClusteringMetrics.adjustedRandIndex(new int[] {0, 0, 1, 1}, new int[] {1, 1, 0, 0}), 1e-12);
        // contingency: sum C(n_ij,2) = 1, rows 1, columns 2, C(4,2) = 6: (1 - 1/3) / (1.5 - 1/3) = 4/7
        assertEquals(4.0 / 7, ClusteringMetrics.adjustedRandIndex(new int[] {0, 0, 1, 2}, new int[] {0, 0, 1, 1}), 1e-12);
        assertEquals(-0.5, ClusteringMetrics.adjustedRandIndex(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1}), 1e-12);
        assertEquals(0.0, ClusteringMetrics.adjustedRandIndex(new int[] {0, 0, 0, 0}, new int[] {0, 1, 2, 3}), 1e-12);
    }

    @Test
    void homogeneityAndCompletenessMatchHandCalculation() {
        int[] truth = {0, 0, 1, 1};
        int[] pred = {0, 0, 0, 1};
        // H(C) = ln 2; H(C|K) = 3/4 H(2/3, 1/3); H(K) = H(3/4, 1/4); H(K|C) = 1/2 ln 2
        double h23 = -(2.0 / 3 * Math.log(2.0 / 3) + 1.0 / 3 * Math.log(1.0 / 3));
        double hk = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25));
        assertEquals(1 - 0.75 * h23 / Math.log(2), ClusteringMetrics.homogeneity(truth, pred), 1e-12);
        assertEquals(1 - 0.5 * Math.log(2) / hk, ClusteringMetrics.completeness(truth, pred), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> ClusteringMetrics.homogeneity(new int[] {0}, new int[0]));
    }

    @Test
    void dbscanCountsThePointItselfLikeScikitLearn() {
        // three points spaced 1 apart, eps 1, min_samples 3: the middle point has 3 points within eps
        // (itself included) so it is a core point and all three form one cluster
        int[] labels = Dbscan.labels(new double[][] {{0}, {1}, {2}}, new Dbscan.Params(1.0, 3));
        assertArrayEquals(new int[] {0, 0, 0}, labels);
    }

    @Test
    void dbscanSeparatesGroupsAndMarksNoise() {
        double[][] x = {{0, 0}, {0, 0.5}, {0.5, 0}, {10, 10}, {10, 10.5}, {10.5, 10}, {50, 50}};
        int[] labels = Dbscan.labels(x, new Dbscan.Params(1.0, 2));
        assertEquals(labels[0], labels[1]);
        assertEquals(labels[0], labels[2]);
        assertEquals(labels[3], labels[4]);
        assertNotEquals(labels[0], labels[3]);
        assertEquals(Dbscan.NOISE, labels[6]);
        assertEquals(1.0, ClusteringMetrics.homogeneity(new int[] {0, 0, 0, 1, 1, 1, 2}, labels), 1e-12);
    }

    @Test
    void pcaExplainedVarianceMatchesHandCalculation() {
        // centred already; var(x) = 8/3, var(y) = 2/3, no covariance: ratios 0.8 and 0.2
        Pca.Result r = Pca.of(new double[][] {{2, 0}, {-2, 0}, {0, 1}, {0, -1}}, 2);
        assertArrayEquals(new double[] {0.8, 0.2}, r.explainedVarianceRatio(), 1e-12);
        assertArrayEquals(new double[] {8.0 / 3, 2.0 / 3}, r.explainedVariance(), 1e-12);
        assertEquals(1.0, Math.abs(r.components()[0][0]), 1e-12);
        assertEquals(2.0, Math.abs(r.projections()[0][0]), 1e-12);
    }

    @Test
    void probeSeparatesSeparableDataAndLearnsTheBaseRateFromAConstantFeature() {
        double[][] x = {{-2, 1}, {-1, 0}, {-1.5, 2}, {1, 0}, {2, 1}, {1.5, -1}};
        int[] y = {0, 0, 0, 1, 1, 1};
        OneVsAllProbe p = OneVsAllProbe.train(x, y, OneVsAllProbe.Params.defaults());
        assertEquals(1.0, p.evaluate(x, y).accuracy(), 0);
        // a constant feature: the logistic MLE is the intercept-only model, p = base rate 3/4
        OneVsAllProbe c = OneVsAllProbe.train(new double[][] {{1}, {1}, {1}, {1}}, new int[] {1, 1, 1, 0},
                OneVsAllProbe.Params.defaults());
        assertEquals(0.75, c.probability(new double[] {1}), 1e-6);
        OneVsAllProbe.Metrics m = new OneVsAllProbe.Metrics(2, 1, 3, 2);
        assertEquals(5.0 / 8, m.accuracy(), 1e-15);
        assertEquals(2.0 / 3, m.precision(), 1e-15);
        assertEquals(0.5, m.recall(), 1e-15);
        assertEquals(2 * (2.0 / 3) * 0.5 / (2.0 / 3 + 0.5), m.f1(), 1e-15);
        assertThrows(IllegalArgumentException.class,
                () -> OneVsAllProbe.train(new double[][] {{1}}, new int[] {2}, OneVsAllProbe.Params.defaults()));
    }

    @Test
    void dataDistributionSummariesMatchHandCalculation() {
        double[][] out = {{1, 2, 3}, {3, 2, 1}};
        assertArrayEquals(new double[] {4, 4, 4}, DataDistribution.sumOverRows(out), 0);
        assertArrayEquals(new double[] {2, 2}, DataDistribution.rowMeans(out), 0);
        // values 1, 2, 3, 6: mean 3, squared deviations 4+1+0+9 = 14 -> sqrt(14/4), sqrt(14/3)
        HostTensor g = new HostTensor(new int[] {4}, new float[] {1, 2, 3, 6});
        BertWeights w = new BertWeights(Map.of("encoder.layer.0.output.LayerNorm.weight", g));
        List<DataDistribution.ParameterStats> s = DataDistribution.layerNormStats(w);
        assertEquals(1, s.size());
        assertEquals(3.0, s.get(0).mean(), 1e-15);
        assertEquals(Math.sqrt(14.0 / 4), s.get(0).std(), 1e-15);
        assertEquals(Math.sqrt(14.0 / 3), s.get(0).sampleStd(), 1e-15);
        double[][] h = DataDistribution.weightHeatmap(new HostTensor(new int[] {1, 2}, new float[] {-4, 2}));
        assertArrayEquals(new double[] {-100, 50}, h[0], 1e-12);
        assertEquals(27, DataDistribution.layerOutputHistogram(new double[][] {{0, 1, 2}}, 27).counts().length);
    }
}
