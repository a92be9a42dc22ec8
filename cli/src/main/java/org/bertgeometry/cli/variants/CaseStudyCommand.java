package org.bertgeometry.cli.variants;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bertgeometry.analysis.AttentionGeometryRun;
import org.bertgeometry.analysis.GeometryResults;
import org.bertgeometry.analysis.GeometryRunSettings;
import org.bertgeometry.checkpoint.BertCheckpoint;
import org.bertgeometry.checkpoint.HuggingFaceFolder;
import org.bertgeometry.cli.ThreadsOption;
import org.bertgeometry.cli.io.LongRunningCommand;
import org.bertgeometry.cli.io.ProgressBar;
import org.bertgeometry.inference.LoadedBert;
import org.bertgeometry.tokenize.Encoding;
import org.bertgeometry.training.TrainingSettings;
import org.bertgeometry.variants.VariantClass;
import org.bertgeometry.variants.abstention.AbstentionCalibration;
import org.bertgeometry.variants.abstention.AbstentionRule;
import org.bertgeometry.variants.abstention.CoverageCurve;
import org.bertgeometry.variants.abstention.ReliabilityDiagram;
import org.bertgeometry.variants.augmentation.AugmentationSettings;
import org.bertgeometry.variants.classifier.LabelledSpikes;
import org.bertgeometry.variants.classifier.VariantClassifierTrainer;
import org.bertgeometry.variants.classifier.VariantPredictor;
import org.bertgeometry.variants.classifier.VariantPreset;
import org.bertgeometry.variants.evaluation.ClassificationMetrics;
import org.bertgeometry.variants.evaluation.SplitIndices;
import org.bertgeometry.variants.evaluation.StratifiedSplit;
import org.bertgeometry.variants.reference.GhDefinition;
import org.bertgeometry.variants.reference.SarsCov2Reference;
import org.bertgeometry.variants.simulation.ClassSizes;
import org.bertgeometry.variants.simulation.SimulatedGenome;
import org.bertgeometry.variants.simulation.VariantSimulator;
import org.bertgeometry.variants.spike.SpikeExtraction;
import org.bertgeometry.variants.spike.SpikeExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bertgeo case-study}: the paper's case study end to end on embedded defaults. Simulates
 * balanced whole genomes of the eight classes from the bundled reference and lineage table, extracts
 * their spikes, splits them as the paper did (20 % test, then 8 % validation), trains a BERT
 * classifier on 12-mers with stride 9, evaluates it on the test split and on three further simulated
 * sets (another seed, twice the noise, the paper's skewed class proportions), runs every geometry
 * analysis on the test split and writes a report folder plus the model in Hugging Face layout.
 */
@Command(name = "case-study", description = "Run the SARS-CoV-2 variant case study end to end on simulated data "
        + "and write a report (index.html) and the trained model.")
public final class CaseStudyCommand extends LongRunningCommand {

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "case-study", description = "Output folder "
            + "(default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--per-class", paramLabel = "N", defaultValue = "120", description = "Simulated genomes per "
            + "class (default ${DEFAULT-VALUE}).")
    int perClass;

    @Mixin
    PresetOptions model = new PresetOptions();

    @Option(names = "--class", paramLabel = "NAME", defaultValue = "omicron", description = "Class whose "
            + "attention maps the report draws (default ${DEFAULT-VALUE}, as in the paper).")
    String selectedClass;

    @Option(names = "--further-per-class", paramLabel = "N", defaultValue = "40", description = "Genomes per class "
            + "of each further evaluation set (default ${DEFAULT-VALUE}).")
    int furtherPerClass;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--no-augment", description = "Train on the simulated spikes as they are, without the on-the-fly "
            + "augmentation (docs/case-study-data.md, \"Training augmentation\").")
    boolean noAugment;

    @Option(names = "--calibration-per-class", paramLabel = "N", defaultValue = "30", description = "Genomes per "
            + "class of the held-out set that sets the abstention thresholds (default ${DEFAULT-VALUE}).")
    int calibrationPerClass;

    @Option(names = "--robustness-per-class", paramLabel = "N", defaultValue = "10", description = "Spikes per class "
            + "of each robustness-curve point; 0 skips the curves (default ${DEFAULT-VALUE}).")
    int robustnessPerClass;

    @Option(names = "--held-out-class", paramLabel = "NAME", defaultValue = "lambda", description = "Class left out "
            + "of a second, seven-class model to test abstention on an unseen lineage (default ${DEFAULT-VALUE}).")
    String heldOutClass;

    @Option(names = "--held-out-epochs", paramLabel = "N", defaultValue = "6", description = "Epochs of the "
            + "seven-class model; 0 skips it (default ${DEFAULT-VALUE}; never run with the base preset).")
    int heldOutEpochs;

    @Override
    public Integer call() throws Exception {
        threads.apply();
        long started = System.nanoTime();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        VariantPreset p = model.parse();
        long seed = model.seed();
        if (perClass < 5) {
            throw new IllegalArgumentException("--per-class must be at least 5 so that every split holds every class");
        }
        int selected = VariantClass.ofKey(selectedClass).label();
        VariantClass.ofKey(heldOutClass);
        if (calibrationPerClass < 2 || robustnessPerClass < 0 || heldOutEpochs < 0 || furtherPerClass < 1) {
            throw new IllegalArgumentException("need --calibration-per-class >= 2, --further-per-class >= 1, and "
                    + "--robustness-per-class and --held-out-epochs >= 0");
        }
        Files.createDirectories(out);
        Map<String, Double> timings = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (VariantClass c : VariantClass.values()) {
            names.add(c.key());
        }

        stage(err, "1/6", "simulating " + perClass + " genomes per class and extracting their spikes");
        long t = System.nanoTime();
        VariantSimulator simulator = VariantSimulator.withDefaults();
        SpikeExtractor extractor = SpikeExtractor.withDefaults();
        LabelledSpikes all = spikesOf(simulator.simulateDataset(ClassSizes.balanced(perClass), seed), extractor, names, err);
        timings.put("simulate_and_extract", seconds(t));

        stage(err, "2/6", "splitting stratified: 20 % test, then 8 % of the rest for validation");
        SplitIndices split = StratifiedSplit.split(all.labels(), StratifiedSplit.PAPER_TEST_FRACTION,
                StratifiedSplit.PAPER_VALIDATION_FRACTION, seed);
        LabelledSpikes train = all.subset(split.train());
        LabelledSpikes validation = all.subset(split.validation());
        LabelledSpikes test = all.subset(split.test());
        err.printf(Locale.ROOT, "  train %d, validation %d, test %d sequences%n", train.size(), validation.size(), test.size());

        stage(err, "3/6", "training the " + p.name().toLowerCase(Locale.ROOT) + " model");
        t = System.nanoTime();
        TrainingSettings ts = model.training(p);
        int e = ts.epochs();
        ProgressBar bar = bar("  training");
        VariantClassifierTrainer.Outcome outcome = model.train(p, ts, train, validation, bar,
                noAugment ? AugmentationSettings.none() : AugmentationSettings.defaults());
        bar.done();
        timings.put("train", seconds(t));
        Path modelDir = out.resolve("model");
        HuggingFaceFolder.save(outcome.checkpoint(), modelDir);

        stage(err, "4/6", "calibrating abstention, evaluating on the test split and further simulated sets");
        t = System.nanoTime();
        BertCheckpoint saved = HuggingFaceFolder.load(modelDir);
        ClassificationMetrics testMetrics;
        List<CaseStudyReport.Evaluation> further = new ArrayList<>();
        List<AbstentionSection.SetRow> rows = new ArrayList<>();
        AbstentionSection abstention;
        RobustnessSection robustness = null;
        GeometryResults geometry;
        HeadRecomputationCheck.Result recomputation;
        LabelledSpikes calibration = spikesOf(simulator.simulateDataset(ClassSizes.balanced(calibrationPerClass),
                seed + 500), extractor, names, err);
        LabelledSpikes plainGh = spikesOf(VariantSimulator.withDefaults().withGh(GhDefinition.GISAID_CLADE_GH)
                .simulateDataset(Map.of(VariantClass.GH, 2 * furtherPerClass), seed + 5000), extractor, names, err);
        String referenceSpike = SarsCov2Reference.load().spike();
        try (LoadedBert bert = LoadedBert.open(saved)) {
            VariantPredictor predictor = new VariantPredictor(bert, 32);
            AbstentionRule rule = AbstentionCalibration.fit(predictor, train, calibration, referenceSpike,
                    AbstentionCalibration.DEFAULT_RATE, AbstentionCalibration.DEFAULT_MAX_PER_CLASS);
            rule.save(modelDir);
            VariantPredictor.Predictions testPred = predictor.predict(test.spikes(), () -> false);
            testMetrics = ClassificationMetrics.compute(test.labels(), testPred.predicted(), names.size());
            rows.add(AbstentionSection.measure("test split", true, testPred, test.labels(), test.spikes(), rule));
            for (EvaluationSet set : EvaluationSet.standard(seed, furtherPerClass)) {
                LabelledSpikes data = spikesOf(set.simulate(simulator), extractor, names, err);
                VariantPredictor.Predictions pred = predictor.predict(data.spikes(), () -> false);
                further.add(new CaseStudyReport.Evaluation(set.name(), set.description(),
                        ClassificationMetrics.compute(data.labels(), pred.predicted(), names.size())));
                rows.add(AbstentionSection.measure(set.name(), true, pred, data.labels(), data.spikes(), rule));
            }
            rows.add(AbstentionSection.measure("plain GH clade (reference + D614G)", false,
                    predictor.predict(plainGh.spikes(), () -> false), null, plainGh.spikes(), rule));
            boolean[] right = new boolean[test.size()];
            for (int i = 0; i < right.length; i++) {
                right[i] = testPred.predicted()[i] == test.labels()[i];
            }
            ReliabilityDiagram reliability = ReliabilityDiagram.compute(testPred.maxProbabilities(), right, 10);
            CoverageCurve coverage = CoverageCurve.compute(testPred.maxProbabilities(), right, 20);
            abstention = new AbstentionSection(reliability, coverage, rule, rows);
            if (robustnessPerClass > 0) {
                robustness = RobustnessSets.measure(predictor, simulator, names, seed, robustnessPerClass);
            }
            timings.put("evaluate", seconds(t));

            stage(err, "5/6", "capturing attention on the test split and running the geometry analyses");
            t = System.nanoTime();
            List<int[]> ids = new ArrayList<>();
            for (String s : test.spikes()) {
                Encoding enc = bert.tokenizer().encode(s);
                ids.add(java.util.Arrays.copyOf(enc.ids(), enc.realLength()));
            }
            ProgressBar gbar = bar("  geometry");
            geometry = AttentionGeometryRun.run(bert, ids, test.labels(), names, GeometryRunSettings.defaults(),
                    f -> gbar.progress(f, ""), () -> false);
            gbar.done();
            recomputation = HeadRecomputationCheck.run(bert, test.spikes().get(0));
            timings.put("geometry", seconds(t));
        }
        if (heldOutEpochs > 0 && !p.needsBaseModel()) {
            t = System.nanoTime();
            rows.addAll(HeldOutClassStudy.run(VariantClass.ofKey(heldOutClass), ts.withEpochs(heldOutEpochs), p,
                    noAugment ? AugmentationSettings.none() : AugmentationSettings.defaults(), train, validation, test,
                    calibration, plainGh, referenceSpike, simulator, extractor, names, seed, furtherPerClass, err,
                    bar("  training (without " + heldOutClass + ")")));
            abstention = new AbstentionSection(abstention.reliability(), abstention.coverage(), abstention.rule(), rows);
            timings.put("held_out_class", seconds(t));
        }

        stage(err, "6/6", "writing the report");
        t = System.nanoTime();
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("data", "simulated from NC_045512.2 and the bundled lineage table, " + perClass
                + " genomes per class, default noise, seed " + seed);
        setup.put("split (train / validation / test)", train.size() + " / " + validation.size() + " / " + test.size());
        setup.put("preset", p.name().toLowerCase(Locale.ROOT));
        setup.put("model", saved.config().numHiddenLayers() + " layers, hidden " + saved.config().hiddenSize()
                + ", " + saved.config().numAttentionHeads() + " heads, vocabulary " + saved.config().vocabSize());
        setup.put("training", e + " epochs, batch " + ts.batchSize() + ", AdamW peak lr " + ts.optimizer().learningRate()
                + ", best epoch " + outcome.training().bestEpoch());
        setup.put("augmentation", noAugment ? "none" : "on the fly, defaults of AugmentationSettings");
        setup.put("tokens", "12-mers, stride 9, [CLS] ... [SEP], at most 512 positions");
        timings.put("total", seconds(started));
        CaseStudyReport.write(out, new CaseStudyReport.Contents("SARS-CoV-2 variant case study", setup, testMetrics,
                names, outcome.training().history(), further, geometry, selected, 12, timings, modelDir.toString(),
                abstention, robustness, FurtherAnalysesSection.compute(geometry, saved.weights(), selected,
                recomputation)));
        timings.put("report", seconds(t));

        stdout.printf(Locale.ROOT, "Test accuracy %.4f, macro F1 %.4f on %d sequences.%n", testMetrics.accuracy(),
                testMetrics.macroF1(), testMetrics.total());
        for (CaseStudyReport.Evaluation ev : further) {
            stdout.printf(Locale.ROOT, "%s: accuracy %.4f, macro F1 %.4f (%d sequences).%n", ev.name(), ev.metrics().accuracy(),
                    ev.metrics().macroF1(), ev.metrics().total());
        }
        stdout.printf(Locale.ROOT, "Expected calibration error (test split): %.4f%n", abstention.reliability().ece());
        for (AbstentionSection.SetRow r : abstention.sets()) {
            stdout.printf(Locale.ROOT, "%s: %.1f %% unassigned (%d sequences; by probability %.1f %%, by distance "
                    + "%.1f %%, by signature %.1f %%)%n", r.name(), 100 * r.unassigned(), r.sequences(),
                    100 * r.unassignedByProbability(), 100 * r.unassignedByDistance(), 100 * r.unassignedBySignature());
        }
        stdout.printf(Locale.ROOT, "Report: %s%nModel:  %s%nWall time: %.1f s%n", out.resolve("index.html").toAbsolutePath(),
                modelDir.toAbsolutePath(), seconds(started));
        stdout.flush();
        return 0;
    }

    private static void stage(PrintWriter err, String step, String what) {
        err.println("[" + step + "] " + what);
        err.flush();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Spikes of simulated whole genomes, extracted as a user's genomes would be; failures are reported. */
    static LabelledSpikes spikesOf(List<SimulatedGenome> genomes, SpikeExtractor extractor, List<String> names,
            PrintWriter err) {
        List<String> ids = new ArrayList<>();
        List<String> spikes = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        int skipped = 0;
        for (SimulatedGenome g : genomes) {
            SpikeExtraction x = extractor.extract(g.id(), g.genome());
            if (!x.isOk()) {
                skipped++;
                continue;
            }
            ids.add(g.id());
            spikes.add(x.spike());
            labels.add(g.variantClass().label());
        }
        if (skipped > 0) {
            err.printf(Locale.ROOT, "  %d of %d genomes skipped: no usable spike%n", skipped, genomes.size());
        }
        return new LabelledSpikes(ids, spikes, labels.stream().mapToInt(Integer::intValue).toArray(), names);
    }
}
