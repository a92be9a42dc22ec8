package org.bertgeometry.cli.variants;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bertgeometry.report.chart.BarChart;
import org.bertgeometry.report.chart.LineChart;
import org.bertgeometry.report.html.HtmlReport;
import org.bertgeometry.report.table.CsvWriter;
import org.bertgeometry.report.table.Table;
import org.bertgeometry.variants.abstention.AbstentionReason;
import org.bertgeometry.variants.abstention.AbstentionRule;
import org.bertgeometry.variants.abstention.CoverageCurve;
import org.bertgeometry.variants.abstention.ReliabilityDiagram;
import org.bertgeometry.variants.classifier.VariantPredictor;

/**
 * The report's calibration and abstention section (docs/methods.md, "Calibration and abstention"): the
 * reliability diagram and expected calibration error on the test split, accuracy against coverage, the
 * abstention rule's thresholds, and for every evaluated set (in distribution or not) how many sequences
 * each of its three reasons (low probability, far embedding, missing k-mer signature) leaves unassigned. Files: {@code data/reliability-test.csv}, {@code data/coverage-accuracy-test.csv},
 * {@code data/unassigned-by-set.csv} with figures of the same names.
 *
 * @param reliability the test split's reliability diagram
 * @param coverage    accuracy against coverage on the test split, ranked by highest class probability
 * @param rule        the fitted abstention rule
 * @param sets        per evaluated set, the share left unassigned
 */
record AbstentionSection(ReliabilityDiagram reliability, CoverageCurve coverage, AbstentionRule rule, List<SetRow> sets) {

    /**
     * How one set fared: share unassigned by the probability threshold alone, by the distance threshold
     * alone, by the k-mer signature check alone, and by the rule (any of them), and the accuracy on the
     * sequences the rule answers (NaN for sets whose class the model does not know).
     */
    record SetRow(String name, boolean inDistribution, int sequences, double unassignedByProbability,
            double unassignedByDistance, double unassignedBySignature, double unassigned, double accuracyOnAssigned) {
    }

    AbstentionSection {
        sets = List.copyOf(sets);
    }

    /**
     * The row of one set: {@code labels} are the true classes in the model's class list, or null for a set
     * whose class the model does not know; {@code spikes} are the sequences the predictions were made on.
     */
    static SetRow measure(String name, boolean inDistribution, VariantPredictor.Predictions p, int[] labels,
            List<String> spikes, AbstentionRule rule) {
        int n = p.predicted().length;
        Map<AbstentionReason, Integer> byReason = new EnumMap<>(AbstentionReason.class);
        int unassigned = 0;
        int assignedRight = 0;
        for (int i = 0; i < n; i++) {
            Set<AbstentionReason> why = rule.reasons(p.probabilities()[i], p.features()[i], spikes.get(i));
            why.forEach(r -> byReason.merge(r, 1, Integer::sum));
            if (!why.isEmpty()) {
                unassigned++;
            } else if (labels != null && labels[i] == p.predicted()[i]) {
                assignedRight++;
            }
        }
        double accuracy = labels == null || unassigned == n ? Double.NaN : assignedRight / (double) (n - unassigned);
        return new SetRow(name, inDistribution, n, share(byReason, AbstentionReason.LOW_PROBABILITY, n),
                share(byReason, AbstentionReason.FAR_EMBEDDING, n),
                share(byReason, AbstentionReason.MISSING_SIGNATURE, n), unassigned / (double) n, accuracy);
    }

    /** The share of {@code n} sequences declined for {@code reason} (a sequence may count under several reasons). */
    private static double share(Map<AbstentionReason, Integer> byReason, AbstentionReason reason, int n) {
        return byReason.getOrDefault(reason, 0) / (double) n;
    }

    void write(Path data, Path figures) throws IOException {
        Table rel = Table.withColumns("bin_lower", "bin_upper", "count", "mean_confidence", "accuracy");
        List<Double> mids = new ArrayList<>();
        List<Double> accs = new ArrayList<>();
        for (ReliabilityDiagram.Bin b : reliability.bins()) {
            rel.addRow(b.lower(), b.upper(), b.count(), b.meanConfidence(), b.accuracy());
            if (b.count() > 0) {
                mids.add(b.meanConfidence());
                accs.add(b.accuracy());
            }
        }
        CsvWriter.write(rel, data.resolve("reliability-test.csv"));
        LineChart.write(List.of(new LineChart.Series("accuracy per confidence bin", CaseStudyReport.unbox(mids), CaseStudyReport.unbox(accs)),
                new LineChart.Series("perfect calibration", new double[] {0, 1}, new double[] {0, 1})),
                LineChart.Options.defaults().withTitle(String.format(java.util.Locale.ROOT,
                        "Reliability diagram, test split (ECE %.4f)", reliability.ece()))
                        .withAxes("mean confidence in bin", "accuracy in bin").withYRange(0.0, 1.0),
                figures.resolve("reliability-test.png"));

        Table cov = Table.withColumns("coverage", "answered", "accuracy");
        double[] cx = new double[coverage.points().size()];
        double[] cy = new double[cx.length];
        for (int i = 0; i < cx.length; i++) {
            CoverageCurve.Point p = coverage.points().get(i);
            cov.addRow(p.coverage(), p.answered(), p.accuracy());
            cx[i] = p.coverage();
            cy[i] = p.accuracy();
        }
        CsvWriter.write(cov, data.resolve("coverage-accuracy-test.csv"));
        LineChart.write(List.of(new LineChart.Series("accuracy on the answered", cx, cy)), LineChart.Options.defaults()
                .withTitle("Accuracy against coverage, test split (least confident declined first)")
                .withAxes("coverage", "accuracy"), figures.resolve("coverage-accuracy-test.png"));

        Table un = Table.withColumns("set", "in_distribution", "sequences", "unassigned_by_probability",
                "unassigned_by_distance", "unassigned_by_signature", "unassigned", "accuracy_on_assigned");
        List<String> names = new ArrayList<>();
        double[] share = new double[sets.size()];
        for (int i = 0; i < sets.size(); i++) {
            SetRow s = sets.get(i);
            un.addRow(s.name(), s.inDistribution(), s.sequences(), s.unassignedByProbability(),
                    s.unassignedByDistance(), s.unassignedBySignature(), s.unassigned(), s.accuracyOnAssigned());
            names.add(s.name());
            share[i] = s.unassigned();
        }
        CsvWriter.write(un, data.resolve("unassigned-by-set.csv"));
        BarChart.write(names, List.of(new BarChart.Series("unassigned", share)), BarChart.Options.defaults()
                .withTitle("Share answered 'unassigned' per set").withAxes("set", "share").withValueLabels(true),
                figures.resolve("unassigned-by-set.png"));
    }

    /** Numbers for metrics.json. */
    Map<String, Object> summary() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("expected_calibration_error_test", reliability.ece());
        o.put("min_probability", rule.minProbability());
        o.put("max_distance", rule.maxDistance());
        o.put("min_signature_fraction", rule.signature().minFraction());
        Map<String, Object> per = new LinkedHashMap<>();
        for (SetRow s : sets) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("in_distribution", s.inDistribution());
            r.put("sequences", s.sequences());
            r.put("unassigned", s.unassigned());
            r.put("unassigned_by_probability", s.unassignedByProbability());
            r.put("unassigned_by_distance", s.unassignedByDistance());
            r.put("unassigned_by_signature", s.unassignedBySignature());
            r.put("accuracy_on_assigned", s.accuracyOnAssigned());
            per.put(s.name(), r);
        }
        o.put("sets", per);
        return o;
    }

    void addTo(HtmlReport page) {
        page.section("Calibration and abstention");
        page.paragraph(String.format(java.util.Locale.ROOT, "Expected calibration error on the test split: %.4f "
                + "(10 equal-width confidence bins). The model answers 'unassigned' when its highest class probability "
                + "is below %.4f or when the squared Mahalanobis distance of its pooled [CLS] vector to the nearest "
                + "training class mean exceeds %.1f, or when the spike holds less than %.3f of its predicted class's "
                + "12-mer signature (the 12-mers absent from the reference spike that at least half of the class's "
                + "training spikes carry); all three thresholds were set on held-out in-distribution spikes "
                + "(docs/methods.md, \"Calibration and abstention\").", reliability.ece(), rule.minProbability(),
                rule.maxDistance(), rule.signature().minFraction()));
        page.figure("figures/reliability-test.png", "Reliability diagram: accuracy against mean confidence per bin; "
                + "data/reliability-test.csv.");
        page.figure("figures/coverage-accuracy-test.png", "Accuracy on the answered test sequences when the least "
                + "confident are declined; data/coverage-accuracy-test.csv.");
        Table shown = Table.withColumns("set", "in distribution", "sequences", "unassigned", "by probability",
                "by distance", "by signature", "accuracy on assigned");
        for (SetRow s : sets) {
            shown.addRow(s.name(), s.inDistribution() ? "yes" : "no", s.sequences(), s.unassigned(),
                    s.unassignedByProbability(), s.unassignedByDistance(), s.unassignedBySignature(),
                    s.accuracyOnAssigned());
        }
        page.table("Share of each set answered 'unassigned'", shown, 20, "data/unassigned-by-set.csv");
        page.figure("figures/unassigned-by-set.png", "Share answered 'unassigned' per set.");
    }
}
