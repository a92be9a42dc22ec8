package org.bertgeometry.cli.variants;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.bertgeometry.analysis.ClassMeanReadout;
import org.bertgeometry.analysis.GeometryResults;
import org.bertgeometry.geometry.ClusteringMetrics;
import org.bertgeometry.geometry.DataDistribution;
import org.bertgeometry.geometry.Dbscan;
import org.bertgeometry.geometry.DomainAttention;
import org.bertgeometry.geometry.DomainTokens;
import org.bertgeometry.geometry.OneVsAllProbe;
import org.bertgeometry.model.BertWeights;
import org.bertgeometry.report.chart.HeatmapChart;
import org.bertgeometry.report.html.HtmlReport;
import org.bertgeometry.report.table.CsvWriter;
import org.bertgeometry.report.table.Table;

/**
 * The report's further analyses (docs/case-study.md, "Further analyses"; docs/methods.md for each method):
 * attention to spike protein domains with the two-proportion z-test, DBSCAN of the last layer's [CLS]
 * vectors with homogeneity, completeness and adjusted Rand index, a one-vs-all linear probe of every
 * class on each layer's [CLS] vectors, and the LayerNorm parameter statistics of the data-distribution
 * analysis. Every number is in a CSV under {@code data/}; the grids also as figures.
 */
record FurtherAnalysesSection(List<DomainRow> domains, String domainClass, ClusterRow clustering,
        List<ProbeRow> probes, List<DataDistribution.ParameterStats> layerNorms, HeadRecomputationCheck.Result recomputation, int layers,
        List<String> classNames) {

    /**
     * Spike domains in 1-based amino acids (UniProt P0DTC2 features; Walls et al. 2020): the N-terminal
     * domain and the receptor-binding domain of S1, and the S2 subunit's fusion peptide region.
     */
    static final Map<String, int[]> DOMAINS = Map.of("NTD", new int[] {14, 305}, "RBD", new int[] {319, 541},
            "FP", new int[] {788, 806});

    /** The order of the domains in the report. */
    static final List<String> DOMAIN_ORDER = List.of("NTD", "RBD", "FP");

    /** One head's attention on one domain in the class-mean map, and its z-test against the domain's share of keys. */
    record DomainRow(String domain, int layer, int head, int firstToken, int lastToken, double proportion,
            double keyShare, double z, double pValue, boolean significant) implements Serializable {
    }

    /**
     * The domain tests of one head's class-mean map, by domain in the order of {@link #DOMAIN_ORDER} (null
     * where the sequences end before the domain): read where the map is ({@link ClassMeanReadout}).
     *
     * @param layers layers of the model
     * @param heads  heads per layer (the Bonferroni correction counts layers × heads × domains tests)
     */
    record DomainTests(int layers, int heads) implements ClassMeanReadout {
        @Override
        public DomainRow[] read(int layer, int head, double[][] m) {
            int tests = layers * heads * DOMAINS.size();
            DomainRow[] rows = new DomainRow[DOMAIN_ORDER.size()];
            for (int d = 0; d < rows.length; d++) {
                int[] aa = DOMAINS.get(DOMAIN_ORDER.get(d));
                try {
                    DomainTokens.Range r = DomainTokens.of(aa[0], aa[1], DomainTokens.End.CORRECTED,
                            Math.max(1, m.length - 1));
                    rows[d] = domainRow(DOMAIN_ORDER.get(d), layer, head, m, r.firstToken(), r.lastToken(), tests);
                } catch (IllegalArgumentException shorterThanTheDomain) {
                    // the sequences end before this domain: nothing to measure for it
                }
            }
            return rows;
        }
    }

    /** DBSCAN of [CLS] vectors and its agreement with the classes. */
    record ClusterRow(int vectors, double eps, int minSamples, int clusters, int noise, double homogeneity,
            double completeness, double adjustedRandIndex) {
    }

    /** One-vs-all probe of one class on one layer's [CLS] vectors: F1 and accuracy on the held-out half. */
    record ProbeRow(int layer, String positiveClass, int trainVectors, int testVectors, double accuracy, double f1) {
    }

    FurtherAnalysesSection {
        domains = List.copyOf(domains);
        probes = List.copyOf(probes);
        layerNorms = List.copyOf(layerNorms);
        classNames = List.copyOf(classNames);
    }

    /** Runs every analysis on the geometry of a run and the model's weights; the recomputation check is given. */
    static FurtherAnalysesSection compute(GeometryResults g, BertWeights weights, int selectedClass,
            HeadRecomputationCheck.Result recomputation) {
        int layers = g.k90MeanOfMedians().length;
        int heads = g.k90MeanOfMedians()[0].length;
        DomainTests tests = new DomainTests(layers, heads);
        return compute(g, weights, selectedClass, recomputation,
                (l, h) -> tests.read(l, h, g.classMean(selectedClass, l, h)));
    }

    /**
     * The same with the domain tests of each head already read ({@link DomainTests}), e.g. on the
     * executors of a cluster, where the maps of layers other than the last stay.
     */
    static FurtherAnalysesSection compute(GeometryResults g, BertWeights weights, int selectedClass,
            HeadRecomputationCheck.Result recomputation, BiFunction<Integer, Integer, DomainRow[]> domainTests) {
        int layers = g.k90MeanOfMedians().length;
        int heads = g.k90MeanOfMedians()[0].length;
        List<DomainRow> domains = new ArrayList<>();
        if (g.samplesPerClass()[selectedClass] > 0) {
            DomainRow[][][] byHead = new DomainRow[layers][heads][];
            for (int l = 0; l < layers; l++) {
                for (int h = 0; h < heads; h++) {
                    byHead[l][h] = domainTests.apply(l, h);
                }
            }
            for (int d = 0; d < DOMAIN_ORDER.size(); d++) {
                for (int l = 0; l < layers; l++) {
                    for (int h = 0; h < heads; h++) {
                        if (byHead[l][h][d] != null) {
                            domains.add(byHead[l][h][d]);
                        }
                    }
                }
            }
        }
        GeometryResults.ClsVectors last = g.clsVectors().get(layers - 1);
        ClusterRow clustering = last == null || last.vectors().length < 2 ? null : cluster(last.vectors(), last.labels());
        List<ProbeRow> probes = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            GeometryResults.ClsVectors v = g.clsVectors().get(l);
            if (v != null) {
                probes.addAll(probes(l, v.vectors(), v.labels(), g.classNames()));
            }
        }
        return new FurtherAnalysesSection(domains, g.classNames().get(selectedClass), clustering, probes,
                DataDistribution.layerNormStats(weights), recomputation, layers, g.classNames());
    }

    /**
     * Share of the attention mass on the domain's key columns, tested against the domain's share of the
     * keys, as if every query row spread one unit of attention: count1 = mass on the domain, nobs1 = all
     * mass, count2 = rows x domain columns, nobs2 = rows x columns; Bonferroni over {@code tests}.
     */
    static DomainRow domainRow(String domain, int layer, int head, double[][] m, int first, int last, int tests) {
        DomainAttention.Proportion p = DomainAttention.proportion(m, first, last, DomainAttention.Params.defaults());
        double n = m.length;
        double keys = last - first + 1;
        DomainAttention.ZTest z = DomainAttention.twoProportionZTest(Math.min(p.inDomain(), p.total()), p.total(),
                n * keys, n * n, 0.05, tests);
        return new DomainRow(domain, layer, head, first, last, p.proportion(), keys / n, z.z(), z.pValue(),
                z.significant());
    }

    /**
     * DBSCAN with min_samples 5 and eps the 90th percentile of every vector's distance to its 4th nearest
     * other vector (the k-distance rule of Ester et al. 1996, set so that about 90 % of vectors are core
     * points; the project's own choice, the reference used a fixed eps for BERT-Base).
     */
    static ClusterRow cluster(double[][] x, int[] labels) {
        int minSamples = Math.min(5, x.length);
        double[] kth = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] d = new double[x.length - 1];
            int k = 0;
            for (int j = 0; j < x.length; j++) {
                if (j != i) {
                    d[k++] = distance(x[i], x[j]);
                }
            }
            Arrays.sort(d);
            kth[i] = d[Math.min(d.length - 1, minSamples - 2 < 0 ? 0 : minSamples - 2)];
        }
        Arrays.sort(kth);
        double eps = Math.max(1e-12, kth[(int) Math.floor(0.9 * (kth.length - 1))]);
        int[] clusters = Dbscan.labels(x, new Dbscan.Params(eps, minSamples));
        int noise = (int) Arrays.stream(clusters).filter(c -> c == Dbscan.NOISE).count();
        int count = (int) Arrays.stream(clusters).filter(c -> c != Dbscan.NOISE).distinct().count();
        return new ClusterRow(x.length, eps, minSamples, count, noise, ClusteringMetrics.homogeneity(labels, clusters),
                ClusteringMetrics.completeness(labels, clusters), ClusteringMetrics.adjustedRandIndex(labels, clusters));
    }

    /** One probe per class present: trained on the even-numbered vectors, scored on the odd-numbered. */
    static List<ProbeRow> probes(int layer, double[][] x, int[] labels, List<String> names) {
        List<double[]> trainX = new ArrayList<>();
        List<double[]> testX = new ArrayList<>();
        List<Integer> trainL = new ArrayList<>();
        List<Integer> testL = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            (i % 2 == 0 ? trainX : testX).add(x[i]);
            (i % 2 == 0 ? trainL : testL).add(labels[i]);
        }
        List<ProbeRow> out = new ArrayList<>();
        if (testX.isEmpty()) {
            return out;
        }
        for (int c = 0; c < names.size(); c++) {
            int cls = c;
            int[] yTrain = trainL.stream().mapToInt(l -> l == cls ? 1 : 0).toArray();
            int[] yTest = testL.stream().mapToInt(l -> l == cls ? 1 : 0).toArray();
            if (Arrays.stream(yTrain).sum() == 0 || Arrays.stream(yTrain).sum() == yTrain.length) {
                continue; // a probe needs both outcomes to learn from
            }
            OneVsAllProbe probe = OneVsAllProbe.train(trainX.toArray(double[][]::new), yTrain,
                    OneVsAllProbe.Params.defaults());
            OneVsAllProbe.Metrics m = probe.evaluate(testX.toArray(double[][]::new), yTest);
            out.add(new ProbeRow(layer, names.get(c), yTrain.length, yTest.length, m.accuracy(), m.f1()));
        }
        return out;
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    void write(Path data, Path figures) throws IOException {
        if (!domains.isEmpty()) {
            Table t = Table.withColumns("domain", "layer", "head", "first_token", "last_token", "attention_share",
                    "key_share", "z", "p_value", "significant_bonferroni");
            for (DomainRow r : domains) {
                t.addRow(r.domain(), r.layer(), r.head(), r.firstToken(), r.lastToken(), r.proportion(), r.keyShare(),
                        r.z(), r.pValue(), r.significant());
            }
            CsvWriter.write(t, data.resolve("domain-attention-" + domainClass + ".csv"));
            int heads = (int) domains.stream().filter(r -> r.domain().equals("RBD") && r.layer() == 0).count();
            double[][] rbd = new double[layers][heads];
            for (DomainRow r : domains) {
                if (r.domain().equals("RBD")) {
                    rbd[r.layer()][r.head()] = r.proportion() / r.keyShare();
                }
            }
            HeatmapChart.write(rbd, HeatmapChart.Options.defaults()
                    .withTitle("Attention on the RBD relative to its share of keys, class " + domainClass)
                    .withAxes("head", "layer").withLabels(CaseStudyReport.numbered(layers), CaseStudyReport.numbered(heads), 1)
                    .withColourBarLabel("share / key share"), figures.resolve("domain-attention-rbd.png"));
        }
        if (clustering != null) {
            Table t = Table.withColumns("vectors", "eps", "min_samples", "clusters", "noise", "homogeneity",
                    "completeness", "adjusted_rand_index");
            t.addRow(clustering.vectors(), clustering.eps(), clustering.minSamples(), clustering.clusters(),
                    clustering.noise(), clustering.homogeneity(), clustering.completeness(),
                    clustering.adjustedRandIndex());
            CsvWriter.write(t, data.resolve("dbscan-cls-last-layer.csv"));
        }
        if (!probes.isEmpty()) {
            Table t = Table.withColumns("layer", "positive_class", "train_vectors", "test_vectors", "accuracy", "f1");
            double[][] f1 = new double[layers][classNames.size()];
            for (double[] row : f1) {
                Arrays.fill(row, Double.NaN);
            }
            for (ProbeRow r : probes) {
                t.addRow(r.layer(), r.positiveClass(), r.trainVectors(), r.testVectors(), r.accuracy(), r.f1());
                f1[r.layer()][classNames.indexOf(r.positiveClass())] = r.f1();
            }
            CsvWriter.write(t, data.resolve("one-vs-all-probe-cls-by-layer.csv"));
            HeatmapChart.write(f1, HeatmapChart.Options.defaults().withTitle("One-vs-all probe F1 on [CLS] vectors")
                    .withAxes("class", "layer").withLabels(CaseStudyReport.numbered(layers), classNames, 1).withRange(0.0, 1.0)
                    .withColourBarLabel("F1"), figures.resolve("one-vs-all-probe.png"));
        }
        Table ln = Table.withColumns("parameter", "mean", "std", "sample_std");
        for (DataDistribution.ParameterStats s : layerNorms) {
            ln.addRow(s.name(), s.mean(), s.std(), s.sampleStd());
        }
        CsvWriter.write(ln, data.resolve("layernorm-parameter-stats.csv"));
        if (!recomputation.heads().isEmpty()) {
            Table t = Table.withColumns("layer", "head", "tokens", "max_abs_diff_probs", "max_abs_diff_context");
            for (HeadRecomputationCheck.Row r : recomputation.heads()) {
                t.addRow(r.layer(), r.head(), r.tokens(), r.maxAbsDiffProbs(), r.maxAbsDiffContext());
            }
            CsvWriter.write(t, data.resolve("head-recomputation-check.csv"));
        }
        if (!recomputation.layers().isEmpty()) {
            Table t = Table.withColumns("layer", "tokens", "max_abs_diff_layer_output");
            for (MultiheadOutputCheck.Row r : recomputation.layers()) {
                t.addRow(r.layer(), r.tokens(), r.maxAbsDiffLayerOutput());
            }
            CsvWriter.write(t, data.resolve("multihead-output-recomputation-check.csv"));
        }
    }

    void addTo(HtmlReport page) {
        page.section("Further analyses");
        if (!domains.isEmpty()) {
            long significant = domains.stream().filter(DomainRow::significant).count();
            page.paragraph(String.format(Locale.ROOT, "Attention to protein domains (class %s, class-mean maps): "
                    + "%d of %d head-domain pairs put significantly more or less attention on the domain than its "
                    + "share of keys (two-proportion z-test, Bonferroni over all pairs); "
                    + "data/domain-attention-%s.csv.", domainClass, significant, domains.size(), domainClass));
            page.figure("figures/domain-attention-rbd.png", "Share of attention on the receptor-binding domain "
                    + "(amino acids 319-541) divided by its share of the keys; 1 = no preference.");
        }
        if (clustering != null) {
            page.paragraph(String.format(Locale.ROOT, "DBSCAN of %d last-layer [CLS] vectors (eps %.4g, min_samples "
                    + "%d): %d clusters, %d noise points; homogeneity %.4f, completeness %.4f, adjusted Rand index "
                    + "%.4f; data/dbscan-cls-last-layer.csv.", clustering.vectors(), clustering.eps(),
                    clustering.minSamples(), clustering.clusters(), clustering.noise(), clustering.homogeneity(),
                    clustering.completeness(), clustering.adjustedRandIndex()));
        }
        if (!probes.isEmpty()) {
            page.figure("figures/one-vs-all-probe.png", "F1 of a one-vs-all logistic probe per class and layer, "
                    + "trained on half of the [CLS] vectors and scored on the other half; "
                    + "data/one-vs-all-probe-cls-by-layer.csv.");
        }
        page.paragraph("Mean and standard deviation of every LayerNorm gain and bias: "
                + "data/layernorm-parameter-stats.csv.");
        if (!recomputation.heads().isEmpty()) {
            double p = recomputation.heads().stream().mapToDouble(HeadRecomputationCheck.Row::maxAbsDiffProbs).max().orElse(0);
            double y = recomputation.heads().stream().mapToDouble(HeadRecomputationCheck.Row::maxAbsDiffContext).max().orElse(0);
            page.paragraph(String.format(Locale.ROOT, "Recomputation check: every head of the first test sequence "
                    + "recomputed in double precision from the captured layer input and the weights differs from the "
                    + "forward pass by at most %.3g in its attention probabilities and %.3g in its context vectors "
                    + "(float32 rounding is about 1e-6 relative); data/head-recomputation-check.csv.", p, y));
        }
        if (!recomputation.layers().isEmpty()) {
            double o = recomputation.layers().stream().mapToDouble(MultiheadOutputCheck.Row::maxAbsDiffLayerOutput)
                    .max().orElse(0);
            page.paragraph(String.format(Locale.ROOT, "Multi-head output check: the forward pass's head outputs "
                    + "combined by the output projection, residual and LayerNorm (the multi-head output of the cone-index "
                    + "analysis, HF_EXACT) and passed through the feed-forward sublayer in double precision differ from "
                    + "each layer's output by at most %.3g; data/multihead-output-recomputation-check.csv.", o));
        }
    }
}
