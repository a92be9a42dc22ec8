package org.bertgeometry.cli.variants;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.bertgeometry.analysis.AttentionGeometryRun;
import org.bertgeometry.analysis.GeometryCapture;
import org.bertgeometry.analysis.GeometryResults;
import org.bertgeometry.analysis.GeometryRunSettings;
import org.bertgeometry.checkpoint.ModelLoader;
import org.bertgeometry.cli.ThreadsOption;
import org.bertgeometry.cli.io.ProgressBar;
import org.bertgeometry.cli.io.ProgressOptions;
import org.bertgeometry.inference.LoadedBert;
import org.bertgeometry.variants.evaluation.ClassificationMetrics;
import org.bertgeometry.variants.reference.SarsCov2Reference;
import org.bertgeometry.variants.spike.SpikeExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bertgeo analyze}: every geometry analysis of a trained variant classifier on a labelled
 * FASTA file (spikes or whole genomes), written as the same report folder the case study writes,
 * without the training parts. The capture pass runs here or, with {@code --spark}, on a cluster
 * ({@link DistributedCapture}); the report is computed from the capture the same way in both cases.
 */
@Command(name = "analyze", description = "Capture attention of a trained classifier on a labelled FASTA file and "
        + "run every geometry analysis; writes index.html, figures/ and data/.")
public final class AnalyzeCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A trained classifier "
            + "(e.g. case-study/model).")
    Path model;

    @Option(names = "--fasta", required = true, paramLabel = "FILE", description = "Spike sequences or whole genomes "
            + "with class=NAME in the description (or see --labels); - for standard input. With --spark any Hadoop "
            + "path (hdfs:, s3a:, file:).")
    String fasta;

    @Option(names = "--labels", paramLabel = "CSV", description = "id,class lines instead of class= descriptions.")
    Path labels;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Report folder.")
    Path out;

    @Option(names = "--class", paramLabel = "NAME", description = "Class whose attention maps are drawn "
            + "(default: omicron when the model has it, else the first class).")
    String selectedClass;

    @Option(names = "--batch-size", paramLabel = "B", defaultValue = "8", description = "Sequences per forward pass "
            + "(default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--spark", paramLabel = "MASTER", description = "Run the capture on Apache Spark, e.g. local[2] "
            + "or yarn; --fasta may then be any Hadoop path (hdfs:, s3a:, file:). Needs the spark module "
            + "(docs/spark.md); the report is the same as without it.")
    String sparkMaster;

    @Mixin
    ProgressOptions progress = new ProgressOptions();

    @Spec
    CommandSpec spec;

    @Mixin
    ThreadsOption threads;

    /**
     * What the capture pass produced, its results, how many genomes had no usable spike, and the domain
     * tests of each head where they were read on a cluster (null: read them here, from the maps).
     */
    private record Captured(GeometryCapture capture, GeometryResults results, long skippedGenomes,
            Serializable[][] domainTests) {
    }

    @Override
    public Integer call() throws Exception {
        threads.apply();
        long started = System.nanoTime();
        PrintWriter err = spec.commandLine().getErr();
        DistributedCapture cluster = sparkMaster == null ? null : DistributedCapture.find();
        if (cluster != null && Files.exists(out) && !isEmptyFolder(out)) {
            throw new IllegalArgumentException("--out " + out + " exists and is not empty; a Spark run writes a new "
                    + "folder only when it completed, so remove it or choose another");
        }
        Map<String, String> byId = labels == null ? null : ClassLabels.readCsv(labels);
        try (LoadedBert bert = LoadedBert.open(ModelLoader.load(model))) {
            List<String> names = bert.checkpoint().config().labels();
            if (names.isEmpty()) {
                throw new IllegalArgumentException(model + " has no class labels; analyze needs a trained classifier");
            }
            String sel = selectedClass != null ? ClassLabels.normalise(selectedClass)
                    : names.contains("omicron") ? "omicron" : names.get(0);
            int selected = names.indexOf(sel);
            if (selected < 0) {
                throw new IllegalArgumentException("--class " + selectedClass + " is not one of the model's classes " + names);
            }
            GeometryRunSettings settings = GeometryRunSettings.defaults().withBatchSize(batchSize);
            Captured captured = cluster == null ? captureHere(bert, names, byId, settings, err)
                    : captureOnCluster(cluster, bert, names, byId, selected, settings, err);
            GeometryResults g = captured.results();
            // predictions of the capture pass itself: no second pass, and the same on a cluster
            int[][] yp = captured.capture().labelsAndPredictions();
            ClassificationMetrics m = ClassificationMetrics.compute(yp[0], yp[1], names.size());
            Map<String, Object> setup = new LinkedHashMap<>();
            setup.put("model", model.toAbsolutePath().toString());
            setup.put("sequences", (cluster == null ? Path.of(fasta).toAbsolutePath().toString() : fasta) + " ("
                    + captured.capture().samples() + " analysed, " + captured.skippedGenomes()
                    + " genomes without a usable spike)");
            Map<String, Double> timings = new LinkedHashMap<>();
            timings.put("total", (System.nanoTime() - started) / 1e9);
            int k = Integer.parseInt(bert.checkpoint().tokenizerConfig().getOrDefault("kmer_k", "12"));
            CaseStudyReport.Contents contents = new CaseStudyReport.Contents("Attention geometry of a variant classifier",
                    setup, m, names, List.of(), List.of(), g, selected, k, timings, model.toAbsolutePath().toString(),
                    null, null, further(captured, bert, selected));
            if (cluster == null) {
                Files.createDirectories(out);
                CaseStudyReport.write(out, contents);
            } else {
                writeStaged(contents);
            }
            spec.commandLine().getOut().printf(Locale.ROOT, "Accuracy %.4f, macro F1 %.4f on %d sequences.%nReport: %s%n",
                    m.accuracy(), m.macroF1(), m.total(), out.resolve("index.html").toAbsolutePath());
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    /** The further analyses, with the domain tests read on the cluster when the capture ran there. */
    private static FurtherAnalysesSection further(Captured captured, LoadedBert bert, int selected) throws IOException {
        // the reference spike, not an input record: the same check here and on a cluster
        HeadRecomputationCheck.Result recomputation = HeadRecomputationCheck.run(bert,
                SarsCov2Reference.load().spike());
        GeometryResults g = captured.results();
        Serializable[][] read = captured.domainTests();
        return read == null ? FurtherAnalysesSection.compute(g, bert.checkpoint().weights(), selected, recomputation)
                : FurtherAnalysesSection.compute(g, bert.checkpoint().weights(), selected, recomputation,
                        (l, h) -> (FurtherAnalysesSection.DomainRow[]) read[l][h]);
    }

    private Captured captureHere(LoadedBert bert, List<String> names, Map<String, String> byId,
            GeometryRunSettings settings, PrintWriter err) throws IOException {
        SpikeInput.Result input = SpikeInput.read(Path.of(fasta), SpikeExtractor.withDefaults(), err);
        SpikeInput.reportSkipped(input.skipped(), err);
        if (input.spikes().isEmpty()) {
            throw new IllegalArgumentException(fasta + ": no sequence to analyse");
        }
        List<int[]> ids = new ArrayList<>();
        int[] y = new int[input.spikes().size()];
        int truncated = 0;
        for (int i = 0; i < input.spikes().size(); i++) {
            LabelledSequence s = LabelledSequence.of(input.spikes().get(i), byId, names, bert.tokenizer());
            ids.add(s.ids());
            y[i] = s.label();
            truncated += s.truncated() ? 1 : 0;
        }
        if (truncated > 0) {
            err.printf(Locale.ROOT, "bertgeo: warning: %d sequences were longer than the model's %d positions and were "
                    + "truncated%n", truncated, bert.tokenizer().maxLength());
        }
        ProgressBar bar = progress.bar(err, "  geometry");
        GeometryCapture capture = AttentionGeometryRun.runCapture(bert, ids, y, names, settings,
                f -> bar.progress(f, ""), () -> false);
        bar.done();
        return new Captured(capture, AttentionGeometryRun.results(bert, names, capture), input.skipped().size(), null);
    }

    private Captured captureOnCluster(DistributedCapture cluster, LoadedBert bert, List<String> names,
            Map<String, String> byId, int selected, GeometryRunSettings settings, PrintWriter err) throws Exception {
        DistributedCapture.Outcome o = cluster.capture(new DistributedCapture.Request(sparkMaster,
                model.toAbsolutePath().toString(), fasta, byId, names.size(), bert.checkpoint().config().numHiddenLayers(),
                bert.checkpoint().config().numAttentionHeads(), settings, selected,
                new FurtherAnalysesSection.DomainTests(bert.checkpoint().config().numHiddenLayers(),
                        bert.checkpoint().config().numAttentionHeads())));
        if (o.skippedGenomes() > 0) {
            err.println("bertgeo: skipped " + o.skippedGenomes() + " genome(s) without a usable spike");
        }
        if (o.truncated() > 0) {
            err.printf(Locale.ROOT, "bertgeo: warning: %d sequences were longer than the model's positions and were "
                    + "truncated%n", o.truncated());
        }
        return new Captured(o.capture(), AttentionGeometryRun.results(bert, names, o.capture(), o.gates(), o.maps()),
                o.skippedGenomes(), o.readouts());
    }

    /**
     * Writes the report into a hidden sibling folder and renames it to {@code --out} only when complete,
     * so that a failure leaves no complete-looking report.
     */
    private void writeStaged(CaseStudyReport.Contents contents) throws IOException {
        Path target = out.toAbsolutePath();
        Path staging = target.resolveSibling("." + target.getFileName() + ".incomplete-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(staging);
            CaseStudyReport.write(staging, contents);
            Files.deleteIfExists(target);                    // an empty folder, checked before the run
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            if (Files.exists(staging)) {
                try (Stream<Path> walk = Files.walk(staging)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static boolean isEmptyFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
