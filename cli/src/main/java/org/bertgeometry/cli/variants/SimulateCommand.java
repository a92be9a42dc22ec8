package org.bertgeometry.cli.variants;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import org.bertgeometry.cli.io.Stdio;
import org.bertgeometry.variants.VariantClass;
import org.bertgeometry.variants.fasta.FastaWriter;
import org.bertgeometry.variants.fasta.MixedCase;
import org.bertgeometry.variants.fasta.SequenceRecord;
import org.bertgeometry.variants.reference.GhDefinition;
import org.bertgeometry.variants.reference.SarsCov2Reference;
import org.bertgeometry.variants.reference.SpikeMutationTable;
import org.bertgeometry.variants.simulation.ClassSizes;
import org.bertgeometry.variants.simulation.NoiseModel;
import org.bertgeometry.variants.simulation.VariantSimulator;
import org.bertgeometry.cli.OptionChecks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bertgeo simulate}: writes a seeded synthetic SARS-CoV-2 dataset of the paper's eight classes
 * as FASTA, spikes only (default) or whole genomes, each record described {@code class=NAME}, so the
 * rest of the pipeline can be run and measured without GISAID data (docs/cli-variants.md). Genomes are
 * generated and written one at a time, so the paper-sized dataset (49,403 genomes) needs no more memory
 * than one genome; the output equals {@code VariantSimulator.simulateDataset} for the same seed.
 */
@Command(name = "simulate", description = "Write simulated SARS-CoV-2 spikes (or whole genomes) of the paper's "
        + "eight classes as FASTA with 'class=NAME' descriptions.")
public final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--output", required = true, paramLabel = "FASTA",
            description = "Where to write; gzip-compressed when the name ends in .gz; - for standard output.")
    Path output;

    @Option(names = "--per-class", paramLabel = "N", description = "Sequences per class (default 100 unless "
            + "--paper-total is given).")
    Integer perClass;

    @Option(names = "--paper-total", paramLabel = "N", description = "About N sequences in the paper's skewed class "
            + "proportions (49403 gives exactly the paper's counts; every class gets at least 1).")
    Integer paperTotal;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--noise-scale", paramLabel = "F", defaultValue = "1.0", description = "Multiplies every rate of "
            + "the default noise model; 0 = no noise, 2 = twice the default (default ${DEFAULT-VALUE}).")
    double noiseScale;

    @Option(names = "--whole-genome", description = "Write whole genomes (about 29.9 kb) instead of spikes only.")
    boolean wholeGenome;

    @Option(names = "--gh", paramLabel = "paper|clade", defaultValue = "paper", description = "What the gh class is: "
            + "'paper' = B.1.640-like as in the paper's released genomes, 'clade' = GISAID clade GH (D614G only) "
            + "(default ${DEFAULT-VALUE}).")
    String gh;

    @Option(names = "--mutation-presence", paramLabel = "P", defaultValue = "1.0", description = "Each lineage "
            + "change is applied with probability P x its observed frequency; 1 = as observed (default ${DEFAULT-VALUE}).")
    double mutationPresence;

    @Option(names = "--mixed-case", description = "Write some records in lower case and soft-mask stretches of others, "
            + "as real files do.")
    boolean mixedCase;

    @Option(names = "--line-width", paramLabel = "N", defaultValue = "60", description = "Nucleotides per FASTA line "
            + "(default ${DEFAULT-VALUE}).")
    int lineWidth;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (perClass != null && paperTotal != null) {
            throw new IllegalArgumentException("give either --per-class or --paper-total, not both");
        }
        Map<VariantClass, Integer> sizes;
        if (paperTotal != null) {
            sizes = ClassSizes.paperProportions(OptionChecks.atLeast("--paper-total", 1, paperTotal));
        } else {
            sizes = ClassSizes.balanced(OptionChecks.atLeast("--per-class", 1, perClass == null ? 100 : perClass));
        }
        if (!(noiseScale >= 0) || Double.isInfinite(noiseScale)) {
            throw new IllegalArgumentException("--noise-scale must be a finite number >= 0, got " + noiseScale);
        }
        OptionChecks.probability("--mutation-presence", mutationPresence);
        OptionChecks.atLeast("--line-width", 1, lineWidth);
        GhDefinition ghDefinition = switch (gh.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "paper" -> GhDefinition.PAPER_B1640_LIKE;
            case "clade" -> GhDefinition.GISAID_CLADE_GH;
            default -> throw new IllegalArgumentException("--gh must be 'paper' or 'clade', got '" + gh + "'");
        };
        SarsCov2Reference ref = SarsCov2Reference.load();
        VariantSimulator simulator = new VariantSimulator(ref, SpikeMutationTable.load(ref), ghDefinition,
                NoiseModel.defaults().scaled(noiseScale).withMutationPresence(mutationPresence));
        // Same draw order as VariantSimulator.simulateDataset: classes in label order, one split per genome.
        SplittableRandom master = new SplittableRandom(seed);
        // The case of the letters has its own stream, so --mixed-case leaves the genomes themselves unchanged.
        SplittableRandom caseRng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int total = 0;
        StringJoiner counts = new StringJoiner(", ");
        try (FastaWriter w = Stdio.fasta(output, spec, lineWidth)) {
            for (VariantClass c : VariantClass.values()) {
                int n = sizes.getOrDefault(c, 0);
                for (int i = 1; i <= n; i++) {
                    SequenceRecord r = simulator.simulate(c, c.key() + "_" + i, master.split()).toRecord(!wholeGenome);
                    w.write(mixedCase ? new SequenceRecord(r.id(), r.description(), MixedCase.apply(r.sequence(), caseRng))
                            : r);
                }
                total += n;
                counts.add(c.key() + " " + n);
            }
        }
        PrintWriter summary = Stdio.summary(output, spec);
        summary.printf(Locale.ROOT, "wrote %d simulated %s (%s; seed %d, noise x%s) to %s%n", total,
                wholeGenome ? "genomes" : "spikes", counts, seed, noiseScale, Stdio.name(output, false));
        summary.flush();
        return 0;
    }
}
