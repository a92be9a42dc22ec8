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
import org.bertgeometry.cli.io.LongRunningCommand;
import org.bertgeometry.cli.io.ProgressBar;
import org.bertgeometry.cli.ThreadsOption;
import org.bertgeometry.inference.LoadedBert;
import org.bertgeometry.model.BertCheckpoint;
import org.bertgeometry.model.HuggingFaceFolder;
import org.bertgeometry.tokenize.Encoding;
import org.bertgeometry.training.TrainingSettings;
import org.bertgeometry.variants.VariantClass;
import org.bertgeometry.variants.classifier.LabelledSpikes;
import org.bertgeometry.variants.classifier.VariantClassifierTrainer;
import org.bertgeometry.variants.classifier.VariantPredictor;
import org.bertgeometry.variants.classifier.VariantPreset;
import org.bertgeometry.variants.evaluation.ClassificationMetrics;
import org.bertgeometry.variants.evaluation.SplitIndices;
import org.bertgeometry.variants.evaluation.StratifiedSplit;
import org.bertgeometry.variants.simulation.ClassSizes;
import org.bertgeometry.variants.simulation.NoiseModel;
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
        VariantClassifierTrainer.Outcome outcome = model.train(p, ts, train, validation, bar);
        bar.done();
        timings.put("train", seconds(t));
        Path modelDir = out.resolve("model");
        HuggingFaceFolder.save(outcome.checkpoint(), modelDir);

        stage(err, "4/6", "evaluating on the test split and three further simulated sets");
        t = System.nanoTime();
        BertCheckpoint saved = HuggingFaceFolder.load(modelDir);
        ClassificationMetrics testMetrics;
        List<CaseStudyReport.Evaluation> further = new ArrayList<>();
        GeometryResults geometry;
        try (LoadedBert bert = LoadedBert.open(saved)) {
            VariantPredictor predictor = new VariantPredictor(bert, 32);
            testMetrics = evaluate(predictor, test);
            further.add(new CaseStudyReport.Evaluation("other seed", furtherPerClass + " genomes per class simulated "
                    + "with seed " + (seed + 1000) + ", default noise", evaluate(predictor, spikesOf(simulator
                    .simulateDataset(ClassSizes.balanced(furtherPerClass), seed + 1000), extractor, names, err))));
            further.add(new CaseStudyReport.Evaluation("twice the noise", furtherPerClass + " genomes per class, seed "
                    + (seed + 2000) + ", every noise rate doubled", evaluate(predictor, spikesOf(simulator
                    .withNoise(NoiseModel.defaults().scaled(2.0)).simulateDataset(ClassSizes.balanced(furtherPerClass),
                    seed + 2000), extractor, names, err))));
            further.add(new CaseStudyReport.Evaluation("paper proportions", (furtherPerClass * 8) + " genomes in the "
                    + "paper's skewed class proportions, seed " + (seed + 3000), evaluate(predictor, spikesOf(
                    simulator.simulateDataset(ClassSizes.paperProportions(furtherPerClass * 8), seed + 3000),
                    extractor, names, err))));
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
            timings.put("geometry", seconds(t));
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
        setup.put("tokens", "12-mers, stride 9, [CLS] ... [SEP], at most 512 positions");
        timings.put("total", seconds(started));
        CaseStudyReport.write(out, new CaseStudyReport.Contents("SARS-CoV-2 variant case study", setup, testMetrics,
                names, outcome.training().history(), further, geometry, selected, 12, timings, modelDir.toString()));
        timings.put("report", seconds(t));

        stdout.printf(Locale.ROOT, "Test accuracy %.4f, macro F1 %.4f on %d sequences.%n", testMetrics.accuracy(),
                testMetrics.macroF1(), testMetrics.total());
        for (CaseStudyReport.Evaluation ev : further) {
            stdout.printf(Locale.ROOT, "%s: accuracy %.4f, macro F1 %.4f (%d sequences).%n", ev.name(), ev.metrics().accuracy(),
                    ev.metrics().macroF1(), ev.metrics().total());
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

    private static ClassificationMetrics evaluate(VariantPredictor predictor, LabelledSpikes data) {
        VariantPredictor.Predictions p = predictor.predict(data.spikes(), () -> false);
        return ClassificationMetrics.compute(data.labels(), p.predicted(), data.classNames().size());
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
