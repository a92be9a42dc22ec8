package org.bertgeometry.cli.variants;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bertgeometry.checkpoint.BertCheckpoint;
import org.bertgeometry.checkpoint.ModelLoader;
import org.bertgeometry.cli.OptionChecks;
import org.bertgeometry.cli.ThreadsOption;
import org.bertgeometry.cli.io.LongRunningCommand;
import org.bertgeometry.cli.io.ProgressBar;
import org.bertgeometry.cli.io.Stdio;
import org.bertgeometry.inference.LoadedBert;
import org.bertgeometry.report.table.JsonFiles;
import org.bertgeometry.variants.abstention.AbstentionReason;
import org.bertgeometry.variants.abstention.AbstentionRule;
import org.bertgeometry.variants.classifier.VariantPredictor;
import org.bertgeometry.variants.evaluation.ClassificationMetrics;
import org.bertgeometry.variants.fasta.SequenceRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bertgeo predict}: classifies spike sequences or whole genomes with a model trained by
 * {@code bertgeo train} (or any BERT sequence classifier with a k-mer tokenizer and labels), writing the
 * predicted class and every class's probability. When the FASTA descriptions carry {@code class=NAME}
 * it also prints accuracy and macro F1, which is how a model is checked on a separately simulated data
 * set (docs/cli-variants.md, "Checking a model on new data").
 */
@Command(name = "predict", description = "Classify spikes or whole genomes with a trained variant classifier; "
        + "writes id,predicted,<one probability column per class>.")
public final class PredictCommand extends LongRunningCommand {

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "The trained model (DIR/model of "
            + "'bertgeo train', or any Hugging Face folder of a BERT classifier).")
    Path model;

    @Mixin
    FastaOption fasta = new FastaOption();

    @Option(names = "--output", required = true, paramLabel = "CSV", description = "Where to write the predictions; - for standard output.")
    Path output;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "32",
            description = "Sequences per forward pass (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--metrics", paramLabel = "JSON", description = "Also write the metrics (when the FASTA carries "
            + "class= labels) to this JSON file.")
    Path metricsFile;

    @Option(names = "--min-accuracy", paramLabel = "X", description = "Fail (exit 1) when the accuracy on the "
            + "labelled sequences is below X, in [0, 1]; for scripted checks.")
    Double minAccuracy;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--abstain", description = "Answer 'unassigned' when the model is not confident, the sequence "
            + "lies outside its training distribution or lacks most of its predicted class's 12-mer signature, with the "
            + "thresholds stored in the model folder (abstention.json, "
            + "written by 'train' and 'case-study').")
    boolean abstain;

    @Option(names = "--min-probability", paramLabel = "P", description = "Answer 'unassigned' when the highest class "
            + "probability is below P, in [0, 1]; with --abstain it replaces the stored probability threshold.")
    Double minProbability;

    @Override
    public Integer call() throws Exception {
        threads.apply();
        OptionChecks.atLeast("--batch-size", 1, batchSize);
        OptionChecks.probability("--min-accuracy", minAccuracy);
        OptionChecks.probability("--min-probability", minProbability);
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        AbstentionRule rule = abstain ? AbstentionRule.load(Files.isDirectory(model) ? model : model.getParent()) : null;
        if (rule != null && !rule.signature().present()) {
            err.println("bertgeo: warning: this model's abstention.json predates the k-mer signature check; only the "
                    + "probability and distance thresholds apply (retrain to add it)");
        }
        BertCheckpoint checkpoint = ModelLoader.load(model);
        List<String> classNames = checkpoint.config().labels();
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException(model + ": the model's config.json names no classes (id2label); "
                    + "predict needs a classifier trained with 'bertgeo train'");
        }
        SpikeInput.Result input = fasta.read(err, "nothing to classify");
        List<String> ids = new ArrayList<>();
        List<String> spikes = new ArrayList<>();
        for (SequenceRecord r : input.spikes()) {
            ids.add(r.id());
            spikes.add(r.sequence());
        }
        VariantPredictor.Predictions pred;
        int maxLength;
        try (LoadedBert bert = LoadedBert.open(checkpoint)) {
            maxLength = bert.tokenizer().maxLength();
            pred = predictWithProgress(new VariantPredictor(bert, batchSize), spikes, err);
        }
        if (pred.truncated() > 0) {
            err.printf(Locale.ROOT, "bertgeo: warning: %d sequence(s) were longer than the model's %d tokens and were truncated: "
                    + "only their beginning was classified%n", pred.truncated(), maxLength);
        }
        int[] answer = pred.predicted().clone();
        int unassigned = 0;
        AbstentionRule applied = rule == null || minProbability == null ? rule : rule.withMinProbability(minProbability);
        Map<AbstentionReason, Integer> byReason = new EnumMap<>(AbstentionReason.class);
        for (int i = 0; i < answer.length; i++) {
            Set<AbstentionReason> why = applied != null
                    ? applied.reasons(pred.probabilities()[i], pred.features()[i], spikes.get(i))
                    : minProbability != null && pred.probabilities()[i][answer[i]] < minProbability
                            ? EnumSet.of(AbstentionReason.LOW_PROBABILITY) : EnumSet.noneOf(AbstentionReason.class);
            why.forEach(w -> byReason.merge(w, 1, Integer::sum));
            if (!why.isEmpty()) {
                answer[i] = PredictionOutput.UNASSIGNED;
                unassigned++;
            }
        }
        PredictionOutput.writeCsv(output, spec, ids, null, answer, pred.probabilities(), classNames);
        stdout = Stdio.summary(output, spec);
        if (abstain || minProbability != null) {
            List<String> reasons = new ArrayList<>();
            for (AbstentionReason w : AbstentionReason.values()) {
                reasons.add(w.label() + " " + byReason.getOrDefault(w, 0));
            }
            stdout.printf(Locale.ROOT, "%d of %d sequence(s) unassigned (%.1f %%; %s)%n", unassigned, answer.length,
                    100.0 * unassigned / answer.length, String.join(", ", reasons));
        }
        stdout.printf(Locale.ROOT, "classified %d sequence(s)%s into %s; wrote %s%n", ids.size(),
                input.genomes() > 0 ? " (" + input.genomes() + " whole genomes, " + input.skipped().size()
                        + " skipped)" : "", String.join(", ", classNames), Stdio.name(output, false));
        reportMetrics(input.spikes(), answer, classNames, stdout, err);
        stdout.flush();
        return 0;
    }

    /**
     * The predictions of every spike, a batch at a time, so that progress can be reported between
     * batches; the values are those of one {@code predict} call over the whole list, since each
     * batch is an independent forward pass.
     */
    private VariantPredictor.Predictions predictWithProgress(VariantPredictor predictor, List<String> spikes,
            PrintWriter err) {
        ProgressBar bar = bar("predict");
        int n = spikes.size();
        double[][] probs = new double[n][];
        int[] predicted = new int[n];
        double[][] features = new double[n][];
        int truncated = 0;
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            VariantPredictor.Predictions part = predictor.predict(spikes.subList(from, to), () -> false);
            System.arraycopy(part.probabilities(), 0, probs, from, to - from);
            System.arraycopy(part.predicted(), 0, predicted, from, to - from);
            System.arraycopy(part.features(), 0, features, from, to - from);
            truncated += part.truncated();
            bar.items(to, n, "sequences");
        }
        bar.done();
        return new VariantPredictor.Predictions(probs, predicted, truncated, features);
    }

    /**
     * Scores the predictions against the {@code class=} labels of the records that have one. A true
     * class the model does not know counts as an extra class that is never predicted, so those
     * sequences lower the accuracy rather than being left out.
     */
    private void reportMetrics(List<SequenceRecord> records, int[] predicted, List<String> classNames,
            PrintWriter stdout, PrintWriter err) throws java.io.IOException {
        List<String> names = new ArrayList<>(classNames);
        List<Integer> truth = new ArrayList<>();
        List<Integer> pred = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            String label = ClassLabels.fromDescription(records.get(i).description());
            if (label == null) {
                continue;
            }
            int t = names.indexOf(label);
            if (t < 0) {
                names.add(label);
                unknown.add(label);
                t = names.size() - 1;
            }
            truth.add(t);
            pred.add(predicted[i]);
        }
        int unassignedIndex = -1;
        if (pred.contains(PredictionOutput.UNASSIGNED)) {
            // "unassigned" counts as an answer of its own, never right: accuracy covers every labelled sequence
            names.add(AbstentionRule.UNASSIGNED);
            unassignedIndex = names.size() - 1;
            for (int i = 0; i < pred.size(); i++) {
                if (pred.get(i) == PredictionOutput.UNASSIGNED) {
                    pred.set(i, unassignedIndex);
                }
            }
        }
        if (truth.isEmpty()) {
            if (metricsFile != null || minAccuracy != null) {
                throw new IllegalArgumentException("--metrics and --min-accuracy need 'class=NAME' in the FASTA "
                        + "descriptions; " + fasta.name() + " has none, so there is nothing to score");
            }
            return;
        }
        if (truth.size() < records.size()) {
            err.printf(Locale.ROOT, "bertgeo: warning: only %d of %d sequences carry a class= label; metrics cover those%n",
                    truth.size(), records.size());
        }
        if (!unknown.isEmpty()) {
            err.printf(Locale.ROOT, "bertgeo: warning: class(es) %s are not among the model's classes %s; their sequences count as "
                    + "misclassified%n", unknown, classNames);
        }
        ClassificationMetrics m = ClassificationMetrics.compute(truth.stream().mapToInt(Integer::intValue).toArray(),
                pred.stream().mapToInt(Integer::intValue).toArray(), names.size());
        stdout.printf(Locale.ROOT, "accuracy %.4f, macro F1 %.4f on %d labelled sequences%n", m.accuracy(), m.macroF1(), m.total());
        if (unassignedIndex >= 0) {
            long answered = 0;
            long right = 0;
            for (int i = 0; i < truth.size(); i++) {
                if (pred.get(i) != unassignedIndex) {
                    answered++;
                    right += pred.get(i).equals(truth.get(i)) ? 1 : 0;
                }
            }
            stdout.printf(Locale.ROOT, "coverage %.4f, accuracy on the %d assigned %.4f%n", answered / (double) truth.size(),
                    answered, answered == 0 ? Double.NaN : right / (double) answered);
        }
        StringBuilder recall = new StringBuilder("recall per class:");
        for (int c = 0; c < names.size(); c++) {
            if (m.perClass().get(c).support() > 0) {
                recall.append(String.format(Locale.ROOT, " %s %.4f (%d)", names.get(c), m.perClass().get(c).recall(),
                        m.perClass().get(c).support()));
            }
        }
        stdout.println(recall);
        if (metricsFile != null) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("model_classes", classNames);
            o.put("metrics", PredictionOutput.metricsJson(m, names));
            JsonFiles.write(o, metricsFile);
        }
        stdout.flush();
        if (minAccuracy != null && m.accuracy() < minAccuracy) {
            throw new IllegalStateException(String.format(Locale.ROOT, "accuracy %.4f is below --min-accuracy %s (predictions were"
                    + " written to %s)", m.accuracy(), minAccuracy, Stdio.name(output, false)));
        }
    }
}
