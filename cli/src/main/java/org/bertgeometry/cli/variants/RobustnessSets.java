package org.bertgeometry.cli.variants;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import org.bertgeometry.variants.classifier.LabelledSpikes;
import org.bertgeometry.variants.classifier.VariantPredictor;
import org.bertgeometry.variants.evaluation.ClassificationMetrics;
import org.bertgeometry.variants.reference.SarsCov2Reference;
import org.bertgeometry.variants.simulation.ClassSizes;
import org.bertgeometry.variants.simulation.NoiseModel;
import org.bertgeometry.variants.simulation.SimulatedGenome;
import org.bertgeometry.variants.simulation.VariantSimulator;

/**
 * The evaluation sets behind the report's robustness curves ({@link RobustnessSection}): for each curve,
 * one artefact takes a few values with every other artefact off, and each value gets its own simulated
 * set of spikes (taken from the simulated genome directly, so extraction plays no part) with its own seed,
 * far from the training seed.
 */
final class RobustnessSets {

    private RobustnessSets() {
    }

    /** Measures the four standard curves with {@code perClass} spikes per class per point. */
    static RobustnessSection measure(VariantPredictor predictor, VariantSimulator simulator, List<String> names,
            long seed, int perClass) {
        NoiseModel clean = NoiseModel.none();
        List<RobustnessSection.Curve> curves = new ArrayList<>();
        curves.add(curve(predictor, simulator, names, seed + 10_000, perClass, "n-runs-count",
                "mean number of N runs per spike", "Poisson-many runs of 20-300 nt per spike, no other artefact.",
                new double[] {0, 1, 2, 4, 8}, x -> clean.withSpikeNRuns(x, 20, 300)));
        curves.add(curve(predictor, simulator, names, seed + 11_000, perClass, "n-run-length",
                "length of each N run (nt)", "Poisson(2) runs per spike of exactly this length, no other artefact.",
                new double[] {25, 100, 200, 400, 800}, x -> clean.withSpikeNRuns(2, (int) x, (int) x)));
        curves.add(curve(predictor, simulator, names, seed + 12_000, perClass, "private-substitutions",
                "expected private substitutions per spike", "Private substitutions at x / 3,822 per base, no other "
                        + "artefact.", new double[] {0, 2, 5, 10, 20},
                x -> clean.withPrivateSubstitutionRate(x / SarsCov2Reference.SPIKE_LENGTH)));
        curves.add(curve(predictor, simulator, names, seed + 13_000, perClass, "mutation-presence",
                "share of lineage mutations present", "Each lineage change applied with probability x times its "
                        + "observed frequency, no other artefact.", new double[] {1.0, 0.8, 0.6, 0.4, 0.2},
                clean::withMutationPresence));
        return new RobustnessSection(curves);
    }

    private static RobustnessSection.Curve curve(VariantPredictor predictor, VariantSimulator simulator,
            List<String> names, long seed, int perClass, String file, String parameter, String setup, double[] values,
            DoubleFunction<NoiseModel> noise) {
        List<RobustnessSection.Point> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            List<SimulatedGenome> genomes = simulator.withNoise(noise.apply(values[i]))
                    .simulateDataset(ClassSizes.balanced(perClass), seed + i);
            LabelledSpikes spikes = spikes(genomes, names);
            VariantPredictor.Predictions p = predictor.predict(spikes.spikes(), () -> false);
            ClassificationMetrics m = ClassificationMetrics.compute(spikes.labels(), p.predicted(), names.size());
            points.add(new RobustnessSection.Point(values[i], (int) m.total(), m.accuracy(), m.macroF1()));
        }
        return new RobustnessSection.Curve(file, parameter, setup + String.format(Locale.ROOT,
                " %d spikes per class per point, seeds %d..%d.", perClass, seed, seed + values.length - 1), points);
    }

    /** The spikes of simulated genomes with their class labels. */
    static LabelledSpikes spikes(List<SimulatedGenome> genomes, List<String> names) {
        List<String> ids = new ArrayList<>();
        List<String> seqs = new ArrayList<>();
        int[] labels = new int[genomes.size()];
        for (int i = 0; i < genomes.size(); i++) {
            ids.add(genomes.get(i).id());
            seqs.add(genomes.get(i).spike());
            labels[i] = genomes.get(i).variantClass().label();
        }
        return new LabelledSpikes(ids, seqs, labels, names);
    }
}
