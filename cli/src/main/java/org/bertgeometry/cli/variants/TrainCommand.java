package org.bertgeometry.cli.variants;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bertgeometry.checkpoint.HuggingFaceFolder;
import org.bertgeometry.cli.ThreadsOption;
import org.bertgeometry.cli.io.LongRunningCommand;
import org.bertgeometry.cli.io.ProgressBar;
import org.bertgeometry.inference.LoadedBert;
import org.bertgeometry.report.table.CsvWriter;
import org.bertgeometry.report.table.JsonFiles;
import org.bertgeometry.report.table.Table;
import org.bertgeometry.training.EpochReport;
import org.bertgeometry.training.TrainingSettings;
import org.bertgeometry.variants.abstention.AbstentionCalibration;
import org.bertgeometry.variants.reference.SarsCov2Reference;
import org.bertgeometry.variants.augmentation.AugmentationSettings;
import org.bertgeometry.variants.classifier.LabelledSpikes;
import org.bertgeometry.variants.classifier.VariantClassifierTrainer;
import org.bertgeometry.variants.classifier.VariantPredictor;
import org.bertgeometry.variants.classifier.VariantPreset;
import org.bertgeometry.variants.evaluation.ClassificationMetrics;
import org.bertgeometry.variants.evaluation.SplitIndices;
import org.bertgeometry.variants.fasta.SequenceRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bertgeo train}: trains a BERT variant classifier on labelled spikes (or whole genomes, whose
 * spike is extracted first), the paper's way: stratified train / validation / test split, k-mer
 * vocabulary from the training split, training with the validation set choosing the best epoch, and
 * a test evaluation with the paper's metrics. Writes the model in Hugging Face layout plus the metrics,
 * the training history and the test predictions (docs/cli-variants.md). Apart from the printed wall
 * time, the outputs depend only on the input, the options and the number of threads.
 */
@Command(name = "train", description = "Train a BERT SARS-CoV-2 variant classifier on labelled spikes or whole "
        + "genomes; writes DIR/model, DIR/metrics.json, DIR/history.csv, DIR/test-predictions.csv.")
public final class TrainCommand extends LongRunningCommand {

    @Mixin
    FastaOption fasta = new FastaOption();

    @Option(names = "--labels", paramLabel = "CSV", description = "Classes as 'id,class' lines after a header; "
            + "default: the 'class=NAME' word of each FASTA description.")
    Path labels;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created).")
    Path out;

    @Mixin
    PresetOptions model = new PresetOptions();

    @Option(names = "--batch-size", paramLabel = "N", description = "Sequences per step (default: the preset's).")
    Integer batchSize;

    @Option(names = "--lr", paramLabel = "X", description = "Peak learning rate (default: the preset's).")
    Double learningRate;

    @Option(names = "--augment", description = "Perturb every training spike afresh each epoch with N runs, private "
            + "substitutions and deletions and reverted lineage mutations (docs/case-study-data.md).")
    boolean augment;

    @Option(names = "--validation-fraction", paramLabel = "F", defaultValue = "0.08", description = "Share of the "
            + "non-test sequences used for validation (default ${DEFAULT-VALUE}, the paper's).")
    double validationFraction;

    @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0.2",
            description = "Share of all sequences held out for the test (default ${DEFAULT-VALUE}, the paper's).")
    double testFraction;

    @Mixin
    ThreadsOption threads;

    @Override
    public Integer call() throws Exception {
        threads.apply();
        long started = System.nanoTime();
        VariantPreset p = model.parse();
        checkFraction("--test-fraction", testFraction);
        checkFraction("--validation-fraction", validationFraction);
        TrainingSettings settings = settings(p);
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();

        SpikeInput.Result input = fasta.read(err, "nothing to train on");
        LabelledSpikes all = label(input, err);
        RareClassSplit.Result split = RareClassSplit.split(all.labels(), all.classNames().size(), testFraction,
                validationFraction, settings.seed());
        for (int c : split.trainOnlyClasses()) {
            err.printf(Locale.ROOT, "bertgeo: warning: class '%s' has only %d sequence(s), too few to stratify (need %d): all are "
                    + "used for training, so the class is neither validated nor tested%n", all.classNames().get(c),
                    all.classCounts()[c], RareClassSplit.MIN_TO_STRATIFY);
        }
        SplitIndices s = split.split();
        LabelledSpikes train = all.subset(s.train());
        LabelledSpikes validation = all.subset(s.validation());
        LabelledSpikes test = all.subset(s.test());
        stdout.printf(Locale.ROOT, "training %s on %d sequences (%d train, %d validation, %d test; %d classes: %s)%n",
                p.name().toLowerCase(java.util.Locale.ROOT), all.size(), train.size(), validation.size(), test.size(),
                all.classNames().size(), String.join(", ", all.classNames()));
        stdout.flush();

        ProgressBar bar = bar("train");
        VariantClassifierTrainer.Outcome outcome = model.train(p, settings, train, validation, bar,
                augment ? AugmentationSettings.defaults() : AugmentationSettings.none());
        bar.done();
        if (outcome.truncatedSequences() > 0) {
            err.printf(Locale.ROOT, "bertgeo: warning: %d training sequence(s) were longer than the model's %d positions and were "
                    + "truncated to their first %d k-mers%n", outcome.truncatedSequences(),
                    outcome.checkpoint().config().maxPositionEmbeddings(),
                    outcome.checkpoint().config().maxPositionEmbeddings() - 2);
        }

        Path modelDir = out.resolve("model");
        HuggingFaceFolder.save(outcome.checkpoint(), modelDir);
        VariantPredictor.Predictions pred;
        // evaluate the saved folder, so the reported metrics are those of what 'predict' will load
        try (LoadedBert bert = LoadedBert.open(HuggingFaceFolder.load(modelDir))) {
            VariantPredictor predictor = new VariantPredictor(bert, settings.evalBatchSize());
            pred = predictor.predict(test.spikes(), () -> false);
            if (validation.size() > 0) {
                // thresholds from the validation split: 'predict --abstain' then answers "unassigned"
                AbstentionCalibration.fit(predictor, train, validation, SarsCov2Reference.load().spike(),
                        AbstentionCalibration.DEFAULT_RATE,
                        AbstentionCalibration.DEFAULT_MAX_PER_CLASS).save(modelDir);
            } else {
                err.println("bertgeo: warning: no validation split, so no abstention rule was fitted; "
                        + "'predict --abstain' will refuse this model");
            }
        }
        ClassificationMetrics m = ClassificationMetrics.compute(test.labels(), pred.predicted(), all.classNames().size());
        List<String> trueNames = new ArrayList<>();
        for (int l : test.labels()) {
            trueNames.add(all.classNames().get(l));
        }
        PredictionOutput.writeCsv(out.resolve("test-predictions.csv"), spec, test.ids(), trueNames, pred.predicted(),
                pred.probabilities(), all.classNames());
        writeHistory(outcome, out.resolve("history.csv"));
        JsonFiles.write(summary(p, settings, all, train, validation, test, input, split, outcome, m),
                out.resolve("metrics.json"));

        double seconds = (System.nanoTime() - started) / 1e9;
        stdout.printf(Locale.ROOT, "test accuracy %.4f, macro F1 %.4f on %d sequences (best epoch %d of %d); wall time %.1f s%n",
                m.accuracy(), m.macroF1(), test.size(), outcome.training().bestEpoch(), settings.epochs(), seconds);
        stdout.printf(Locale.ROOT, "model saved to %s; metrics in %s%n", modelDir, out.resolve("metrics.json"));
        stdout.flush();
        return 0;
    }

    private TrainingSettings settings(VariantPreset p) {
        TrainingSettings t = model.training(p);
        if (batchSize != null) {
            t = t.withBatchSize(batchSize);
        }
        if (learningRate != null) {
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("--lr must be a positive number, got " + learningRate);
            }
            t = t.withLearningRate(learningRate);
        }
        return t;
    }

    private static void checkFraction(String option, double f) {
        if (!(f > 0 && f < 1)) {
            throw new IllegalArgumentException(option + " must lie strictly between 0 and 1, got " + f);
        }
    }

    /** Attaches a class to every spike, from --labels or the descriptions; refuses unlabelled records. */
    private LabelledSpikes label(SpikeInput.Result input, PrintWriter err) throws java.io.IOException {
        List<SequenceRecord> spikes = input.spikes();
        Map<String, String> csv = labels == null ? null : ClassLabels.readCsv(labels);
        List<String> ids = new ArrayList<>();
        List<String> seqs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (SequenceRecord r : spikes) {
            String name = csv == null ? ClassLabels.fromDescription(r.description()) : csv.get(r.id());
            if (name == null || name.isEmpty()) {
                missing.add(r.id());
                continue;
            }
            ids.add(r.id());
            seqs.add(r.sequence());
            names.add(name);
        }
        if (csv != null) {
            java.util.Set<String> known = new java.util.HashSet<>(ids);
            input.skipped().forEach(e -> known.add(e.id()));
            long unused = csv.keySet().stream().filter(id -> !known.contains(id)).count();
            if (unused > 0) {
                err.printf(Locale.ROOT, "bertgeo: warning: %d id(s) of %s are not in %s and were ignored%n", unused, labels, fasta.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(missing.size() + " sequence(s) have no class (first: '" + missing.get(0)
                    + "'): " + (csv == null ? "add 'class=NAME' to their FASTA descriptions or pass --labels CSV"
                    : "add them to " + labels + " or remove them from the FASTA file"));
        }
        List<String> classNames = ClassLabels.classOrder(names);
        if (classNames.size() < 2) {
            throw new IllegalArgumentException("all " + names.size() + " sequences have the class '" + classNames.get(0)
                    + "'; a classifier needs sequences of at least two classes");
        }
        int[] y = new int[names.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = classNames.indexOf(names.get(i));
        }
        return new LabelledSpikes(ids, seqs, y, classNames);
    }

    private static void writeHistory(VariantClassifierTrainer.Outcome outcome, Path file) throws java.io.IOException {
        // no timing column: history.csv is as reproducible as the model itself
        Table t = Table.withColumns("epoch", "train_loss", "validation_loss", "validation_accuracy", "learning_rate",
                "best");
        for (EpochReport r : outcome.training().history()) {
            t.addRow(r.epoch(), r.trainLoss(), r.validationLoss(), r.validationAccuracy(), r.learningRate(),
                    r.epoch() == outcome.training().bestEpoch());
        }
        CsvWriter.write(t, file);
    }

    private Map<String, Object> summary(VariantPreset p, TrainingSettings settings, LabelledSpikes all,
            LabelledSpikes train, LabelledSpikes validation, LabelledSpikes test, SpikeInput.Result input,
            RareClassSplit.Result split, VariantClassifierTrainer.Outcome outcome, ClassificationMetrics m) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("preset", p.name().toLowerCase(java.util.Locale.ROOT));
        o.put("classes", all.classNames());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("sequences", all.size());
        data.put("whole_genomes", input.genomes());
        data.put("genomes_skipped", input.skipped().size());
        data.put("train", train.size());
        data.put("validation", validation.size());
        data.put("test", test.size());
        List<String> trainOnly = new ArrayList<>();
        for (int c : split.trainOnlyClasses()) {
            trainOnly.add(all.classNames().get(c));
        }
        data.put("train_only_classes", trainOnly);
        data.put("truncated_training_sequences", outcome.truncatedSequences());
        o.put("data", data);
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("epochs", settings.epochs());
        t.put("batch_size", settings.batchSize());
        t.put("learning_rate", settings.optimizer().learningRate());
        t.put("seed", settings.seed());
        t.put("augmentation", augment);
        t.put("test_fraction", testFraction);
        t.put("validation_fraction", validationFraction);
        t.put("best_epoch", outcome.training().bestEpoch());
        t.put("stopped_early", outcome.training().stoppedEarly());
        o.put("training", t);
        o.put("test", PredictionOutput.metricsJson(m, all.classNames()));
        return o;
    }
}
