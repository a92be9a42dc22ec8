package org.bertgeometry.cli.variants;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bertgeometry.cli.io.ProgressBar;
import org.bertgeometry.inference.LoadedBert;
import org.bertgeometry.training.TrainingSettings;
import org.bertgeometry.variants.VariantClass;
import org.bertgeometry.variants.abstention.AbstentionCalibration;
import org.bertgeometry.variants.abstention.AbstentionRule;
import org.bertgeometry.variants.augmentation.AugmentationSettings;
import org.bertgeometry.variants.classifier.LabelledSpikes;
import org.bertgeometry.variants.classifier.VariantClassifierTrainer;
import org.bertgeometry.variants.classifier.VariantPredictor;
import org.bertgeometry.variants.classifier.VariantPreset;
import org.bertgeometry.variants.simulation.VariantSimulator;
import org.bertgeometry.variants.spike.SpikeExtractor;

/**
 * The case study's test of abstention on a lineage the model has never seen (docs/case-study.md,
 * "Calibration and abstention"): a second model is trained on the same splits without one class, its
 * abstention rule is fitted the same way, and it is shown fresh genomes of the left-out class, the plain
 * GH clade and the seven known classes of the test split.
 */
final class HeldOutClassStudy {

    private HeldOutClassStudy() {
    }

    static List<AbstentionSection.SetRow> run(VariantClass heldOut, TrainingSettings settings, VariantPreset preset,
            AugmentationSettings augmentation, LabelledSpikes train, LabelledSpikes validation, LabelledSpikes test,
            LabelledSpikes calibration, LabelledSpikes plainGh, String reference, VariantSimulator simulator, SpikeExtractor extractor,
            List<String> names, long seed, int perClass, PrintWriter err, ProgressBar bar) throws Exception {
        int h = heldOut.label();
        String name = heldOut.key();
        err.println("[held out] training a seven-class model without " + name);
        err.flush();
        LabelledSpikes train7 = train.withoutClass(h);
        LabelledSpikes test7 = test.withoutClass(h);
        VariantClassifierTrainer.Outcome o = new VariantClassifierTrainer(settings).withAugmentation(augmentation)
                .trainFromScratch(train7, validation.withoutClass(h), preset, bar);
        bar.done();
        LabelledSpikes unseen = CaseStudyCommand.spikesOf(simulator.simulateDataset(Map.of(heldOut, 2 * perClass),
                seed + 6000), extractor, names, err);
        try (LoadedBert bert = LoadedBert.open(o.checkpoint())) {
            VariantPredictor predictor = new VariantPredictor(bert, 32);
            AbstentionRule rule = AbstentionCalibration.fit(predictor, train7, calibration.withoutClass(h),
                    reference, AbstentionCalibration.DEFAULT_RATE, AbstentionCalibration.DEFAULT_MAX_PER_CLASS);
            String model = String.format(Locale.ROOT, " (model without %s)", name);
            return List.of(
                    AbstentionSection.measure("test split without " + name + model, true,
                            predictor.predict(test7.spikes(), () -> false), test7.labels(), test7.spikes(), rule),
                    AbstentionSection.measure("unseen lineage " + name + model, false,
                            predictor.predict(unseen.spikes(), () -> false), null, unseen.spikes(), rule),
                    AbstentionSection.measure("plain GH clade" + model, false,
                            predictor.predict(plainGh.spikes(), () -> false), null, plainGh.spikes(), rule));
        }
    }
}
