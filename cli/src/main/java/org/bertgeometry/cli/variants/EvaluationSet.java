package org.bertgeometry.cli.variants;

import java.util.List;
import java.util.Map;
import org.bertgeometry.variants.VariantClass;
import org.bertgeometry.variants.simulation.ClassSizes;
import org.bertgeometry.variants.simulation.NoiseModel;
import org.bertgeometry.variants.simulation.SimulatedGenome;
import org.bertgeometry.variants.simulation.VariantSimulator;

/**
 * One simulated set of whole genomes that the case study evaluates on, never used in training: its own
 * seed (training uses the case study's seed itself), its class sizes and its noise model. The standard
 * sets differ from training in seed, in noise strength, in class proportions and in noise kinds that
 * neither the simulator's default nor the training augmentation produces (docs/case-study.md).
 *
 * @param name        short name for tables and figures
 * @param description one sentence for the report
 */
record EvaluationSet(String name, String description, long seed, Map<VariantClass, Integer> sizes, NoiseModel noise) {

    /** The genomes of this set from {@code simulator} with this set's noise. */
    List<SimulatedGenome> simulate(VariantSimulator simulator) {
        return simulator.withNoise(noise).simulateDataset(sizes, seed);
    }

    /** The sets every case study reports, each {@code perClass} genomes per class (or as many in all). */
    static List<EvaluationSet> standard(long seed, int perClass) {
        NoiseModel d = NoiseModel.defaults();
        return List.of(
                new EvaluationSet("other seed", perClass + " whole genomes per class, seed " + (seed + 1000)
                        + ", default noise", seed + 1000, ClassSizes.balanced(perClass), d),
                new EvaluationSet("twice the noise", perClass + " whole genomes per class, seed " + (seed + 2000)
                        + ", every noise rate doubled", seed + 2000, ClassSizes.balanced(perClass), d.scaled(2.0)),
                new EvaluationSet("unseen noise kinds", perClass + " whole genomes per class, seed " + (seed + 4000)
                        + ", default noise plus single ambiguous bases (2 per 1,000) and lineage changes present at 0.8"
                        + " of their frequency", seed + 4000, ClassSizes.balanced(perClass),
                        d.withAmbiguousBaseRate(2e-3).withMutationPresence(0.8)),
                new EvaluationSet("paper proportions", (perClass * 8) + " whole genomes in the paper's skewed class "
                        + "proportions, seed " + (seed + 3000), seed + 3000, ClassSizes.paperProportions(perClass * 8), d));
    }
}
