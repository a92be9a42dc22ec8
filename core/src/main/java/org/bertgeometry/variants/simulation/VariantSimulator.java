package org.bertgeometry.variants.simulation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

import org.bertgeometry.variants.VariantClass;
import org.bertgeometry.variants.reference.ChangeKind;
import org.bertgeometry.variants.reference.GhDefinition;
import org.bertgeometry.variants.reference.LineageChange;
import org.bertgeometry.variants.reference.SarsCov2Reference;
import org.bertgeometry.variants.reference.SpikeMutationTable;

/**
 * Seeded simulator of SARS-CoV-2 genomes of the paper's eight classes, used to test the pipeline
 * end to end without GISAID data (which cannot be redistributed). A genome is the reference
 * NC_045512.2 with the class's spike changes from the bundled table (each applied with its
 * frequency) and then the noise of a {@link NoiseModel}. Output is fully determined by the seed: the
 * same seed gives identical genomes on every JVM (only {@link SplittableRandom} is used).
 * This is the project's own operationalisation, not part of the paper (docs/case-study-data.md).
 */
public final class VariantSimulator {

    private static final String ACGT = "ACGT";
    private static final int S0 = SarsCov2Reference.SPIKE_START_1BASED - 1;
    private static final int E0 = SarsCov2Reference.SPIKE_END_1BASED; // exclusive

    private final SarsCov2Reference reference;
    private final SpikeMutationTable table;
    private final GhDefinition gh;
    private final NoiseModel noise;

    public VariantSimulator(SarsCov2Reference reference, SpikeMutationTable table, GhDefinition gh, NoiseModel noise) {
        this.reference = Objects.requireNonNull(reference, "reference");
        this.table = Objects.requireNonNull(table, "table");
        this.gh = Objects.requireNonNull(gh, "gh");
        this.noise = Objects.requireNonNull(noise, "noise");
    }

    /** Simulator with the bundled reference and table, the paper's B.1.640-like GH class and default noise. */
    public static VariantSimulator withDefaults() {
        SarsCov2Reference ref = SarsCov2Reference.load();
        return new VariantSimulator(ref, SpikeMutationTable.load(ref), GhDefinition.PAPER_B1640_LIKE, NoiseModel.defaults());
    }

    /** The same simulator with another reading of the gh class (e.g. the plain GISAID clade, D614G only). */
    public VariantSimulator withGh(GhDefinition other) {
        return new VariantSimulator(reference, table, other, noise);
    }

    /** The same simulator with another noise model. */
    public VariantSimulator withNoise(NoiseModel other) {
        return new VariantSimulator(reference, table, gh, other);
    }

    /**
     * A dataset: classes in label order, {@code sizes.get(c)} genomes each, ids "{class}_{n}" (n from 1).
     * Sample i draws from the i-th split of {@code new SplittableRandom(seed)}.
     */
    public List<SimulatedGenome> simulateDataset(Map<VariantClass, Integer> sizes, long seed) {
        SplittableRandom master = new SplittableRandom(seed);
        List<SimulatedGenome> out = new ArrayList<>();
        for (VariantClass c : VariantClass.values()) {
            int n = sizes.getOrDefault(c, 0);
            for (int i = 1; i <= n; i++) {
                out.add(simulate(c, c.key() + "_" + i, master.split()));
            }
        }
        return out;
    }

    /** One genome of class {@code cls}, drawing every random choice from {@code rng}. */
    public SimulatedGenome simulate(VariantClass cls, String id, SplittableRandom rng) {
        List<LineageChange> changes = new ArrayList<>(table.forClass(cls, gh));
        // Apply from the 3' end so that earlier coordinates stay valid while lengths change.
        changes.sort(Comparator.comparingInt(LineageChange::start).reversed());
        StringBuilder spike = new StringBuilder(reference.spike());
        List<LineageChange> applied = new ArrayList<>();
        for (LineageChange c : changes) {
            if (!(rng.nextDouble() < c.frequency() * noise.mutationPresence())) {
                continue;
            }
            int from = c.start() - 1 - S0;
            if (c.kind() == ChangeKind.INSERTION) {
                spike.insert(from + 1, c.altBases());
            } else if (c.kind() == ChangeKind.DELETION && rng.nextDouble() < noise.deletionMaskProbability()) {
                // recorded as what the genome now shows: an N-masked region of the deleted length
                c = new LineageChange(c.tableClass(), c.lineage(), ChangeKind.N_MASK, c.start(), c.end(), c.ref(), "N",
                        c.proteinEffect() + " (N-masked)", c.frequency(), c.sources());
                spike.replace(from, c.end() - S0, c.altBases());
            } else {
                spike.replace(from, c.end() - S0, c.altBases());
            }
            applied.add(c);
        }
        applied.sort(Comparator.comparingInt(LineageChange::start));

        String genome = reference.genome();
        int trim5 = noise.terminalTrimMax() == 0 ? 0 : rng.nextInt(noise.terminalTrimMax() + 1);
        int trim3 = noise.terminalTrimMax() == 0 ? 0 : rng.nextInt(noise.terminalTrimMax() + 1);
        StringBuilder g = new StringBuilder(genome.length() + 64);
        g.append(genome, trim5, S0).append(spike).append(genome, E0, genome.length() - trim3);
        int spikeStart = S0 - trim5;
        int spikeEnd = spikeStart + spike.length();

        addPrivateSubstitutions(g, rng);
        addNRuns(g, rng);
        // Drawn after the older artefacts so that a seed keeps giving the same genomes where these are off.
        spikeEnd -= addPrivateDeletion(g, spikeStart, spikeEnd, rng);
        addSpikeNRuns(g, spikeStart, spikeEnd, rng);
        addAmbiguousBases(g, rng);
        return new SimulatedGenome(id, cls, g.toString(), spikeStart, spikeEnd, applied);
    }

    /**
     * With probability {@code privateDeletionProbability}, deletes 1..max whole codons of the spike
     * (never the start codon or the stop codon), so the reading frame is kept. Returns the bases removed.
     */
    private int addPrivateDeletion(StringBuilder g, int spikeStart, int spikeEnd, SplittableRandom rng) {
        if (noise.privateDeletionProbability() <= 0 || !(rng.nextDouble() < noise.privateDeletionProbability())) {
            return 0;
        }
        int codons = (spikeEnd - spikeStart) / 3;
        int len = 1 + rng.nextInt(noise.privateDeletionMaxCodons());
        int first = 1 + rng.nextInt(Math.max(1, codons - 1 - len)); // codons 1 .. codons-2 stay inside
        int from = spikeStart + 3 * first;
        g.delete(from, from + 3 * len);
        return 3 * len;
    }

    /** Poisson(length x {@code ambiguousBaseRate}) single bases written as N. */
    private void addAmbiguousBases(StringBuilder g, SplittableRandom rng) {
        int count = Poisson.draw(g.length() * noise.ambiguousBaseRate(), rng);
        for (int k = 0; k < count; k++) {
            g.setCharAt(rng.nextInt(g.length()), 'N');
        }
    }

    /** Poisson({@code spikeNRunsMean}) runs of N, each wholly inside the spike. */
    private void addSpikeNRuns(StringBuilder g, int spikeStart, int spikeEnd, SplittableRandom rng) {
        int count = Poisson.draw(noise.spikeNRunsMean(), rng);
        int spikeLength = spikeEnd - spikeStart;
        for (int k = 0; k < count; k++) {
            int len = Math.min(spikeLength, noise.nRunMinLength()
                    + rng.nextInt(noise.nRunMaxLength() - noise.nRunMinLength() + 1));
            int start = spikeStart + rng.nextInt(spikeLength - len + 1);
            for (int p = start; p < start + len; p++) {
                g.setCharAt(p, 'N');
            }
        }
    }

    private void addPrivateSubstitutions(StringBuilder g, SplittableRandom rng) {
        int count = Poisson.draw(g.length() * noise.privateSubstitutionRate(), rng);
        for (int k = 0; k < count; k++) {
            int pos = rng.nextInt(g.length());
            int b = ACGT.indexOf(g.charAt(pos));
            if (b >= 0) {
                g.setCharAt(pos, ACGT.charAt((b + 1 + rng.nextInt(3)) % 4));
            }
        }
    }

    private void addNRuns(StringBuilder g, SplittableRandom rng) {
        int count = Poisson.draw(noise.nRunsPerGenome(), rng);
        for (int k = 0; k < count; k++) {
            int len = noise.nRunMinLength() + rng.nextInt(noise.nRunMaxLength() - noise.nRunMinLength() + 1);
            int start = rng.nextInt(g.length());
            for (int p = start; p < Math.min(g.length(), start + len); p++) {
                g.setCharAt(p, 'N');
            }
        }
    }
}
