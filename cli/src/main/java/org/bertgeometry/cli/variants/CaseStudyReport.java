package org.bertgeometry.cli.variants;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bertgeometry.analysis.GeometryResults;
import org.bertgeometry.geometry.Directionality;
import org.bertgeometry.geometry.GateClassifier;
import org.bertgeometry.geometry.GateLabel;
import org.bertgeometry.geometry.GateStatistics;
import org.bertgeometry.geometry.KmerLabels;
import org.bertgeometry.geometry.Pca;
import org.bertgeometry.report.chart.BarChart;
import org.bertgeometry.report.chart.CategoricalGrid;
import org.bertgeometry.report.chart.ConfusionMatrixChart;
import org.bertgeometry.report.chart.HeatmapChart;
import org.bertgeometry.report.chart.LineChart;
import org.bertgeometry.report.chart.ScatterPlot;
import org.bertgeometry.report.html.HtmlReport;
import org.bertgeometry.report.table.CsvWriter;
import org.bertgeometry.report.table.JsonFiles;
import org.bertgeometry.report.table.Table;
import org.bertgeometry.training.EpochReport;
import org.bertgeometry.variants.evaluation.ClassMetrics;
import org.bertgeometry.variants.evaluation.ClassificationMetrics;

/**
 * Writes the case-study report folder: {@code index.html} first, the figures under {@code figures/}
 * and every number behind them under {@code data/} (CSV with a header, JSON for summaries). Layers
 * and heads are numbered from 1 in titles and tables, as the paper's plots are; file contents keep
 * 0-based indices in columns named {@code layer}/{@code head} plus nothing else, so scripts need no
 * guessing (docs/case-study.md describes every file).
 */
final class CaseStudyReport {

    /** Everything the report shows. */
    record Contents(String title, Map<String, Object> setup, ClassificationMetrics testMetrics,
            List<String> classNames, List<EpochReport> history, List<Evaluation> extraEvaluations,
            GeometryResults geometry, int selectedClass, int kmerK, Map<String, Double> timingsSeconds,
            String modelFolder, AbstentionSection abstention, RobustnessSection robustness,
            FurtherAnalysesSection analyses) {
    }

    /** A further data set the trained model was evaluated on. */
    record Evaluation(String name, String description, ClassificationMetrics metrics) {
    }

    private final Path out;
    private final Contents c;
    private final Path fig;
    private final Path data;
    private final List<String> names;
    private final GeometryResults g;
    private final int layers;
    private final int heads;
    private final List<String> layerNames;
    private final List<String> headNames;
    private final ClassificationMetrics m;
    private final int sel;
    private final String selName;
    private final boolean haveSelected;

    private CaseStudyReport(Path out, Contents c) throws IOException {
        this.out = out;
        this.c = c;
        this.fig = Files.createDirectories(out.resolve("figures"));
        this.data = Files.createDirectories(out.resolve("data"));
        this.names = c.classNames();
        this.g = c.geometry();
        this.layers = g.k90MeanOfMedians().length;
        this.heads = g.k90MeanOfMedians()[0].length;
        this.layerNames = numbered(layers);
        this.headNames = numbered(heads);
        this.m = c.testMetrics();
        this.sel = c.selectedClass();
        this.selName = names.get(sel);
        this.haveSelected = g.samplesPerClass()[sel] > 0;
    }

    /** Writes every section's data and figures, then the page that shows them. */
    static void write(Path out, Contents c) throws IOException {
        CaseStudyReport r = new CaseStudyReport(out, c);
        Table perClass = r.classification();
        boolean trained = r.trainingCurves();
        r.gates();
        List<String> heatmapFiles = r.classMeanHeatmaps();
        r.headStatisticsAndCones();
        r.directionality();
        String pcaNote = r.pcaOfClsVectors();
        r.evaluationsChart();
        r.page(perClass, trained, heatmapFiles, pcaNote);
    }

    /** Per-class scores, confusion matrix and metrics.json (with the optional sections' data). */
    private Table classification() throws IOException {
        Table perClass = Table.withColumns("class", "precision", "recall", "f1", "support", "specificity");
        for (ClassMetrics cm : m.perClass()) {
            perClass.addRow(names.get(cm.label()), cm.precision(), cm.recall(), cm.f1(), cm.support(), cm.specificity());
        }
        CsvWriter.write(perClass, data.resolve("test-per-class.csv"));
        Table confusion = Table.withColumns(withFirst("true\\predicted", names));
        for (int i = 0; i < names.size(); i++) {
            List<Object> row = new ArrayList<>();
            row.add(names.get(i));
            for (long v : m.confusion()[i]) {
                row.add(v);
            }
            confusion.addRow(row);
        }
        CsvWriter.write(confusion, data.resolve("confusion-matrix.csv"));
        ConfusionMatrixChart.write(m.confusion(), names, ConfusionMatrixChart.Options.defaults()
                .withTitle("Test set: true (rows) vs predicted (columns)"), fig.resolve("confusion-matrix.png"));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("setup", c.setup());
        summary.put("test", metricsMap(m));
        Map<String, Object> extra = new LinkedHashMap<>();
        for (Evaluation e : c.extraEvaluations()) {
            extra.put(e.name(), metricsMap(e.metrics()));
        }
        summary.put("further_evaluations", extra);
        if (c.abstention() != null) {
            summary.put("calibration_and_abstention", c.abstention().summary());
            c.abstention().write(data, fig);
        }
        if (c.robustness() != null) {
            c.robustness().write(data, fig);
        }
        if (c.analyses() != null) {
            c.analyses().write(data, fig);
        }
        summary.put("timings_seconds", c.timingsSeconds());
        JsonFiles.write(summary, data.resolve("metrics.json"));
        return perClass;
    }

    /** Loss and accuracy per epoch, when the run trained. */
    private boolean trainingCurves() throws IOException {
        Table hist = Table.withColumns("epoch", "train_loss", "validation_loss", "validation_accuracy",
                "learning_rate_last_step", "seconds");
        double[] trainLoss = new double[c.history().size()];
        double[] valLoss = new double[c.history().size()];
        double[] valAcc = new double[c.history().size()];
        for (int i = 0; i < c.history().size(); i++) {
            EpochReport r = c.history().get(i);
            hist.addRow(r.epoch(), r.trainLoss(), r.validationLoss(), r.validationAccuracy(), r.learningRate(),
                    r.millis() / 1000.0);
            trainLoss[i] = r.trainLoss();
            valLoss[i] = r.validationLoss();
            valAcc[i] = r.validationAccuracy();
        }
        boolean trained = !c.history().isEmpty();
        if (trained) {
            CsvWriter.write(hist, data.resolve("training-history.csv"));
            LineChart.write(List.of(LineChart.Series.indexed("training loss", trainLoss, 1),
                LineChart.Series.indexed("validation loss", valLoss, 1),
                LineChart.Series.indexed("validation accuracy", valAcc, 1)),
                LineChart.Options.defaults().withTitle("Training curves").withAxes("epoch", "value").withIntegerX(true),
                fig.resolve("training-curves.png"));
        }
        return trained;
    }

    /** Gate label and statistics per class, layer and head, and the selected class's gate grid. */
    private void gates() throws IOException {
        Table gateTable = Table.withColumns(withFirst("class", withFirst("layer", withFirst("head",
                withFirst("gate", withFirst("rule", Arrays.asList(GateStatistics.csvHeader())))))));
        for (int cls = 0; cls < names.size(); cls++) {
            if (g.gates()[cls] == null) {
                continue;
            }
            for (int l = 0; l < layers; l++) {
                for (int h = 0; h < heads; h++) {
                    GateClassifier.Classification k = g.gates()[cls][l][h];
                    if (k == null) {
                        continue;
                    }
                    List<Object> row = new ArrayList<>(List.of(names.get(cls), l, h, k.label().csvName(), k.rule()));
                    row.addAll(Arrays.asList((Object[]) k.statistics().csvValues()));
                    gateTable.addRow(row);
                }
            }
        }
        CsvWriter.write(gateTable, data.resolve("gates-class-mean.csv"));
        if (haveSelected) {
            String[][] grid = new String[layers][heads];
            for (int l = 0; l < layers; l++) {
                for (int h = 0; h < heads; h++) {
                    grid[l][h] = g.gates()[sel][l][h].label().csvName();
                }
            }
            List<String> categories = new ArrayList<>();
            for (GateLabel gl : GateLabel.values()) {
                categories.add(gl.csvName());
            }
            CategoricalGrid.write(grid, CategoricalGrid.Options.defaults()
                    .withTitle("Gate of each head, class-mean maps of " + selName)
                    .withNames(layerNames, headNames).withCategories(categories), fig.resolve("gates-grid.png"));
        }
    }

    /** The selected class's class-mean attention maps of the last layer. */
    private List<String> classMeanHeatmaps() throws IOException {
        List<String> heatmapFiles = new ArrayList<>();
        if (!haveSelected) {
            return heatmapFiles;
        }
        int last = layers - 1;
        for (int h = 0; h < heads; h++) {
            double[][] map = g.classMean(sel, last, h);
            List<String> ticks = Arrays.asList(KmerLabels.labels(map.length, c.kmerK()));
            String file = String.format(Locale.ROOT, "class-mean-%s-layer%d-head%d.png", selName, last + 1, h + 1);
            HeatmapChart.write(map, HeatmapChart.Options.defaults()
                    .withTitle(String.format(Locale.ROOT, "%s, layer %d head %d: %s", selName, last + 1, h + 1,
                            g.gates()[sel][last][h].label().csvName()))
                    .withAxes("key (amino acids)", "query (amino acids)")
                    .withLabels(ticks, ticks, 25).withColourBarLabel("mean attention"), fig.resolve(file));
            heatmapFiles.add(file);
            writeMatrix(map, data.resolve(String.format(Locale.ROOT, "class-mean-%s-layer%d-head%d.csv", selName,
                    last + 1, h + 1)));
        }
        return heatmapFiles;
    }

    /** The k90 grid, per-head sample statistics, and the token and CLS cone indices per layer. */
    private void headStatisticsAndCones() throws IOException {
        HeatmapChart.write(g.k90MeanOfMedians(), HeatmapChart.Options.defaults()
                .withTitle("Metastable size k (0.90), mean over samples of the row median")
                .withAxes("head", "layer").withLabels(layerNames, headNames, 1).withColourBarLabel("k"),
                fig.resolve("k90-grid.png"));
        Table perHead = Table.withColumns("layer", "head", "k90_mean_of_medians", "row_cone_normalized_mean");
        for (int l = 0; l < layers; l++) {
            for (int h = 0; h < heads; h++) {
                perHead.addRow(l, h, g.k90MeanOfMedians()[l][h], g.rowConeMean()[l][h]);
            }
        }
        CsvWriter.write(perHead, data.resolve("per-head-sample-statistics.csv"));
        Table cone = Table.withColumns(withFirst("hidden_state", withFirst("tokens_all_classes", names)));
        List<LineChart.Series> coneSeries = new ArrayList<>();
        coneSeries.add(LineChart.Series.indexed("token vectors (mean over samples)", g.tokenConeByLayer(), 0));
        for (int cls = 0; cls < names.size(); cls++) {
            double[] withEmbedding = new double[layers + 1];
            withEmbedding[0] = Double.NaN;
            System.arraycopy(g.clsConeByClass()[cls], 0, withEmbedding, 1, layers);
            if (g.samplesPerClass()[cls] > 0) {
                coneSeries.add(LineChart.Series.indexed("CLS, " + names.get(cls), withEmbedding, 0));
            }
        }
        for (int i = 0; i <= layers; i++) {
            List<Object> row = new ArrayList<>();
            row.add(i == 0 ? "embeddings" : "layer " + i);
            row.add(g.tokenConeByLayer()[i]);
            for (int cls = 0; cls < names.size(); cls++) {
                row.add(i == 0 ? null : g.clsConeByClass()[cls][i - 1]);
            }
            cone.addRow(row);
        }
        CsvWriter.write(cone, data.resolve("cone-index-by-layer.csv"));
        LineChart.write(coneSeries, LineChart.Options.defaults()
                .withTitle("Normalised cone index per layer (0 = embeddings)").withAxes("layer", "cone index / n")
                .withYRange(0.0, 1.0).withIntegerX(true), fig.resolve("cone-index-by-layer.png"));
    }

    /** The directionality index per head. */
    private void directionality() throws IOException {
        double[][] delta = new double[layers][heads];
        Table dir = Table.withColumns(Directionality.HeadResult.csvHeader());
        for (Directionality.HeadResult r : g.directionality()) {
            delta[r.layer()][r.head()] = r.delta();
            dir.addRow(Arrays.asList((Object[]) r.csvValues()));
        }
        CsvWriter.write(dir, data.resolve("directionality.csv"));
        HeatmapChart.write(delta, HeatmapChart.Options.defaults()
                .withTitle("Directionality index delta = |skew(M)| / |M| per head")
                .withAxes("head", "layer").withLabels(layerNames, headNames, 1).withRange(0.0, 1.0)
                .withColourBarLabel("delta"), fig.resolve("directionality.png"));
    }

    /** PCA of the last layer's CLS vectors; returns the explained-variance note, empty when not drawn. */
    private String pcaOfClsVectors() throws IOException {
        GeometryResults.ClsVectors cls = g.clsVectors().get(layers - 1);
        if (cls == null || cls.vectors().length < 3) {
            return "";
        }
        Pca.Result p = Pca.of(cls.vectors(), 2);
        double[] x = new double[cls.vectors().length];
        double[] y = new double[x.length];
        List<String> labels = new ArrayList<>();
        Table pts = Table.withColumns("class", "pc1", "pc2");
        for (int i = 0; i < x.length; i++) {
            x[i] = p.projections()[i][0];
            y[i] = p.projections()[i][1];
            labels.add(names.get(cls.labels()[i]));
            pts.addRow(labels.get(i), x[i], y[i]);
        }
        CsvWriter.write(pts, data.resolve("pca-cls-last-layer.csv"));
        String pcaNote = String.format(Locale.ROOT, "explained variance ratio: PC1 %.3f, PC2 %.3f",
                p.explainedVarianceRatio()[0], p.explainedVarianceRatio()[1]);
        ScatterPlot.write(x, y, labels, ScatterPlot.Options.defaults()
                .withTitle("PCA of last-layer CLS vectors (" + pcaNote + ")").withAxes("PC1", "PC2"),
                fig.resolve("pca-cls.png"));
        return pcaNote;
    }

    /** Accuracy and macro F1 of the test split and the further data sets. */
    private void evaluationsChart() throws IOException {
        List<String> evalNames = new ArrayList<>(List.of("test split"));
        List<Double> acc = new ArrayList<>(List.of(m.accuracy()));
        List<Double> f1 = new ArrayList<>(List.of(m.macroF1()));
        for (Evaluation e : c.extraEvaluations()) {
            evalNames.add(e.name());
            acc.add(e.metrics().accuracy());
            f1.add(e.metrics().macroF1());
        }
        BarChart.write(evalNames, List.of(new BarChart.Series("accuracy", unbox(acc)),
                new BarChart.Series("macro F1", unbox(f1))), BarChart.Options.defaults()
                .withTitle("Accuracy and macro F1 per data set").withAxes("data set", "score").withValueLabels(true),
                fig.resolve("evaluations.png"));
    }

    /** index.html: the sections in reading order, pointing at the files written above. */
    private void page(Table perClass, boolean trained, List<String> heatmapFiles, String pcaNote) throws IOException {
        HtmlReport page = HtmlReport.titled(c.title());
        pageSetup(page);
        pageClassification(page, perClass, trained);
        pageGates(page, heatmapFiles);
        pageGeometry(page, pcaNote);
        pageFiles(page, trained, pcaNote);
        page.write(out.resolve("index.html"));
    }

    private void pageSetup(HtmlReport page) {
        page.paragraph("A BERT classifier of SARS-CoV-2 variants from spike sequences tokenised as overlapping "
                + c.kmerK() + "-mers, and the geometry of its attention, after \"The geometry of BERT\" (Bonino, "
                + "Ghione, Cirrincione, 2025). The data are simulated (see setup); every number below is in data/.");
        page.section("Setup");
        Map<String, Object> setupShown = new LinkedHashMap<>(c.setup());
        setupShown.put("model folder (Hugging Face layout)", c.modelFolder());
        page.metrics("How this run was made", setupShown);
    }

    private void pageClassification(HtmlReport page, Table perClass, boolean trained) {
        page.section("Classification");
        Map<String, Object> headline = new LinkedHashMap<>();
        headline.put("test accuracy", m.accuracy());
        headline.put("test macro F1", m.macroF1());
        headline.put("test micro F1", m.microF1());
        headline.put("test sequences", m.total());
        for (Evaluation e : c.extraEvaluations()) {
            headline.put(e.name() + " accuracy", e.metrics().accuracy());
            headline.put(e.name() + " macro F1", e.metrics().macroF1());
        }
        page.metrics("Scores", headline);
        for (Evaluation e : c.extraEvaluations()) {
            page.paragraph(e.name() + ": " + e.description());
        }
        page.figure("figures/confusion-matrix.png", "Confusion matrix of the test split (rows: true class).");
        page.table("Per-class scores on the test split", perClass, 20, "data/test-per-class.csv");
        page.figure("figures/evaluations.png", "Accuracy and macro F1 on the test split and the further data sets.");
        if (trained) {
            page.figure("figures/training-curves.png", "Training loss, validation loss and validation accuracy per epoch.");
        }
        if (c.abstention() != null) {
            c.abstention().addTo(page);
        }
        if (c.robustness() != null) {
            c.robustness().addTo(page);
        }
    }

    private void pageGates(HtmlReport page, List<String> heatmapFiles) {
        page.section("Attention patterns (gates)");
        page.paragraph("Each head's class-mean attention map (correctly classified samples, [SEP] and padding left "
                + "out) is labelled with a gate of the paper's taxonomy by the project's operational rules "
                + "(docs/methods.md). 'unclassified' means that none of those rules matched: the head's "
                + "pattern is real but sits between the proposed gates, for example several vertical stripes "
                + "at once. Statistics behind every label, with the deciding rule: data/gates-class-mean.csv.");
        if (haveSelected) {
            page.figure("figures/gates-grid.png", "Gate per layer and head for class " + selName + ".");
            for (String f : heatmapFiles) {
                page.figure("figures/" + f, "Class-mean attention map; ticks are amino-acid ranges of the k-mers.");
            }
        }
    }

    private void pageGeometry(HtmlReport page, String pcaNote) {
        page.section("Geometry");
        page.figure("figures/cone-index-by-layer.png", "Normalised cone index (1 = all vectors point one way) of "
                + "token vectors and of CLS vectors per class, per layer.");
        page.figure("figures/k90-grid.png", "Metastable-state size k: how many keys carry 90 % of a query's attention.");
        page.figure("figures/directionality.png", "Directionality index per head from W_Q and W_K (0: symmetric, "
                + "1: skew); data/directionality.csv adds principal angles and eigenvalue signs.");
        if (!pcaNote.isEmpty()) {
            page.figure("figures/pca-cls.png", "PCA of last-layer CLS vectors by class; " + pcaNote + ".");
        }
        if (c.analyses() != null) {
            c.analyses().addTo(page);
        }
    }

    private void pageFiles(HtmlReport page, boolean trained, String pcaNote) {
        page.section("Files");
        page.link("data/metrics.json", "all scores and the setup as JSON");
        if (trained) {
            page.link("data/training-history.csv", "training history");
        }
        page.link("data/confusion-matrix.csv", "confusion matrix");
        if (c.abstention() != null) {
            page.link("data/reliability-test.csv", "reliability diagram of the test split");
            page.link("data/coverage-accuracy-test.csv", "accuracy against coverage on the test split");
            page.link("data/unassigned-by-set.csv", "share answered 'unassigned' per evaluated set");
        }
        if (c.robustness() != null) {
            for (String f : c.robustness().files()) {
                page.link(f, "robustness curve");
            }
        }
        page.link("data/gates-class-mean.csv", "gate labels and head statistics per class, layer and head");
        page.link("data/per-head-sample-statistics.csv", "per-head k90 and row cone index, averaged over samples");
        page.link("data/cone-index-by-layer.csv", "cone index per layer");
        page.link("data/directionality.csv", "directionality per head");
        if (!pcaNote.isEmpty()) {
            page.link("data/pca-cls-last-layer.csv", "PCA coordinates of the CLS vectors");
        }
    }

    private static Map<String, Object> metricsMap(ClassificationMetrics m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sequences", m.total());
        out.put("accuracy", m.accuracy());
        out.put("macro_f1", m.macroF1());
        out.put("micro_f1", m.microF1());
        out.put("macro_precision", m.macroPrecision());
        out.put("macro_recall", m.macroRecall());
        out.put("confusion", m.confusion());
        return out;
    }

    private static void writeMatrix(double[][] m, Path file) throws IOException {
        List<String> cols = new ArrayList<>();
        for (int j = 0; j < m[0].length; j++) {
            cols.add("k" + j);
        }
        Table t = Table.withColumns(cols);
        for (double[] row : m) {
            List<Object> r = new ArrayList<>();
            for (double v : row) {
                r.add(v);
            }
            t.addRow(r);
        }
        CsvWriter.write(t, file);
    }

    /** "1", "2", ..., n: layer and head names as the paper numbers them. */
    static List<String> numbered(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(Integer.toString(i));
        }
        return out;
    }

    private static List<String> withFirst(String first, List<String> rest) {
        List<String> out = new ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return out;
    }

    static double[] unbox(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
