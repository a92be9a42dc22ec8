package org.bertgeometry.cli.variants;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bertgeometry.analysis.AttentionGeometryRun;
import org.bertgeometry.analysis.GeometryResults;
import org.bertgeometry.analysis.GeometryRunSettings;
import org.bertgeometry.inference.LoadedBert;
import org.bertgeometry.model.ModelLoader;
import org.bertgeometry.tokenize.Encoding;
import org.bertgeometry.variants.evaluation.ClassificationMetrics;
import org.bertgeometry.variants.fasta.SequenceRecord;
import org.bertgeometry.variants.spike.SpikeExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bertgeo analyze}: every geometry analysis of a trained variant classifier on a labelled
 * FASTA file (spikes or whole genomes), written as the same report folder the case study writes,
 * without the training parts.
 */
@Command(name = "analyze", description = "Capture attention of a trained classifier on a labelled FASTA file and "
        + "run every geometry analysis; writes index.html, figures/ and data/.")
public final class AnalyzeCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A trained classifier "
            + "(e.g. case-study/model).")
    Path model;

    @Option(names = "--fasta", required = true, paramLabel = "FILE", description = "Spike sequences or whole genomes "
            + "with class=NAME in the description (or see --labels).")
    Path fasta;

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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        PrintWriter err = spec.commandLine().getErr();
        SpikeInput.Result input = SpikeInput.read(fasta, SpikeExtractor.withDefaults(), err);
        SpikeInput.reportSkipped(input.skipped(), err);
        if (input.spikes().isEmpty()) {
            throw new IllegalArgumentException(fasta + ": no sequence to analyse");
        }
        Map<String, String> byId = labels == null ? Map.of() : ClassLabels.readCsv(labels);
        try (LoadedBert bert = LoadedBert.open(ModelLoader.load(model))) {
            List<String> names = bert.checkpoint().config().labels();
            if (names.isEmpty()) {
                throw new IllegalArgumentException(model + " has no class labels; analyze needs a trained classifier");
            }
            List<int[]> ids = new ArrayList<>();
            int[] y = new int[input.spikes().size()];
            int truncated = 0;
            for (int i = 0; i < input.spikes().size(); i++) {
                SequenceRecord r = input.spikes().get(i);
                String name = labels == null ? ClassLabels.fromDescription(r.description()) : byId.get(r.id());
                if (name == null) {
                    throw new IllegalArgumentException("sequence '" + r.id() + "' has no class; add class=NAME to its "
                            + "FASTA description or give --labels");
                }
                y[i] = names.indexOf(ClassLabels.normalise(name));
                if (y[i] < 0) {
                    throw new IllegalArgumentException("sequence '" + r.id() + "' has class '" + name
                            + "', which the model does not know; its classes are " + names);
                }
                Encoding e = bert.tokenizer().encode(r.sequence());
                truncated += e.truncated() ? 1 : 0;
                ids.add(Arrays.copyOf(e.ids(), e.realLength()));
            }
            if (truncated > 0) {
                err.printf("bertgeo: warning: %d sequences were longer than the model's %d positions and were "
                        + "truncated%n", truncated, bert.tokenizer().maxLength());
            }
            String sel = selectedClass != null ? ClassLabels.normalise(selectedClass)
                    : names.contains("omicron") ? "omicron" : names.get(0);
            int selected = names.indexOf(sel);
            if (selected < 0) {
                throw new IllegalArgumentException("--class " + selectedClass + " is not one of the model's classes " + names);
            }
            ProgressBar bar = new ProgressBar(err, "  geometry");
            GeometryRunSettings settings = GeometryRunSettings.defaults().withBatchSize(batchSize);
            GeometryResults g = AttentionGeometryRun.run(bert, ids, y, names, settings, f -> bar.progress(f, ""),
                    () -> false);
            bar.done();
            ClassificationMetrics m = ClassificationMetrics.compute(y,
                    new org.bertgeometry.variants.classifier.VariantPredictor(bert, 32).predict(
                            input.spikes().stream().map(SequenceRecord::sequence).toList(), () -> false).predicted(),
                    names.size());
            Files.createDirectories(out);
            Map<String, Object> setup = new LinkedHashMap<>();
            setup.put("model", model.toAbsolutePath().toString());
            setup.put("sequences", fasta.toAbsolutePath() + " (" + ids.size() + " analysed, " + input.skipped().size()
                    + " genomes without a usable spike)");
            Map<String, Double> timings = new LinkedHashMap<>();
            timings.put("total", (System.nanoTime() - started) / 1e9);
            int k = Integer.parseInt(bert.checkpoint().tokenizerConfig().getOrDefault("kmer_k", "12"));
            CaseStudyReport.write(out, new CaseStudyReport.Contents("Attention geometry of a variant classifier",
                    setup, m, names, List.of(), List.of(), g, selected, k, timings, model.toAbsolutePath().toString(),
                    null, null, FurtherAnalysesSection.compute(g, bert.checkpoint().weights(), selected,
                            HeadRecomputationCheck.run(bert, input.spikes().get(0).sequence()))));
            spec.commandLine().getOut().printf("Accuracy %.4f, macro F1 %.4f on %d sequences.%nReport: %s%n",
                    m.accuracy(), m.macroF1(), m.total(), out.resolve("index.html").toAbsolutePath());
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
