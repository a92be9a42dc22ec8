package org.bertgeometry.variants.simulation;

/**
 * Sequencing and assembly artefacts added to simulated genomes, with defaults chosen to look like typical
 * GISAID consensus genomes; each default and its source is in docs/case-study-data.md, "Simulator". The
 * artefacts are: lineage changes present only at their observed frequency (scaled by
 * {@code mutationPresence}), runs of N from amplicon drop-outs anywhere in the genome and, more often,
 * inside the spike, lineage deletions reported as N instead of removed, a handful of private
 * substitutions, rarely a private in-frame deletion in the spike, and a few dozen bases missing at each
 * end.
 *
 * @param nRunsPerGenome            mean number (Poisson) of N runs anywhere in the genome; default 1.0
 * @param nRunMinLength             shortest N run, nt; default 20
 * @param nRunMaxLength             longest N run, nt (lengths uniform in between); default 300
 * @param deletionMaskProbability   probability that a lineage deletion is written as N's of the deleted
 *                                  length instead of being removed; default 0.05
 * @param privateSubstitutionRate   probability per base of a private substitution; default 1e-4
 *                                  (about 3 per genome, 0.4 per spike)
 * @param terminalTrimMax           at most this many bases are cut from each end (uniform 0..max);
 *                                  default 60
 * @param spikeNRunsMean            mean number (Poisson) of further N runs placed wholly inside the spike,
 *                                  where primer-site mutations make amplicons drop out; default 0.5
 * @param privateDeletionProbability probability that the spike carries one private in-frame deletion of
 *                                  whole codons; default 0.02
 * @param privateDeletionMaxCodons  longest private deletion in codons (uniform 1..max); default 3
 * @param mutationPresence          each lineage change is applied with probability
 *                                  {@code frequency x mutationPresence}; 1 = the observed frequency
 *                                  (default), lower values make sequences lack lineage mutations
 * @param ambiguousBaseRate         probability per base of a single ambiguous base (written N, as
 *                                  {@code FastaReader} maps IUPAC codes); default 0, used only to evaluate
 *                                  on a noise kind that training never saw
 */
public record NoiseModel(double nRunsPerGenome, int nRunMinLength, int nRunMaxLength, double deletionMaskProbability,
        double privateSubstitutionRate, int terminalTrimMax, double spikeNRunsMean, double privateDeletionProbability,
        int privateDeletionMaxCodons, double mutationPresence, double ambiguousBaseRate) {

    public NoiseModel {
        if (nRunsPerGenome < 0 || privateSubstitutionRate < 0 || privateSubstitutionRate > 1
                || deletionMaskProbability < 0 || deletionMaskProbability > 1 || spikeNRunsMean < 0
                || !(privateDeletionProbability >= 0 && privateDeletionProbability <= 1)
                || !(mutationPresence >= 0 && mutationPresence <= 1)
                || !(ambiguousBaseRate >= 0 && ambiguousBaseRate <= 1)) {
            throw new IllegalArgumentException("noise rates must be non-negative and probabilities at most 1: " + this);
        }
        if (nRunMinLength < 1 || nRunMaxLength < nRunMinLength || terminalTrimMax < 0 || privateDeletionMaxCodons < 1) {
            throw new IllegalArgumentException("need 1 <= nRunMinLength <= nRunMaxLength, terminalTrimMax >= 0 and "
                    + "privateDeletionMaxCodons >= 1: " + this);
        }
    }

    /** The documented defaults. */
    public static NoiseModel defaults() {
        return new NoiseModel(1.0, 20, 300, 0.05, 1e-4, 60, 0.5, 0.02, 3, 1.0, 0);
    }

    /** No noise at all: the genome is the reference with the class's changes at their observed frequency. */
    public static NoiseModel none() {
        return new NoiseModel(0, 20, 300, 0, 0, 0, 0, 0, 3, 1.0, 0);
    }

    /**
     * This model with every rate (N runs in the genome and in the spike, deletion masking, private
     * substitutions and deletions) multiplied by {@code factor}; probabilities are capped at 1, lengths
     * and the mutation presence are unchanged. {@code defaults().scaled(2.0)} is "twice the default noise".
     */
    public NoiseModel scaled(double factor) {
        if (!(factor >= 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("noise scale factor must be a finite number >= 0, got " + factor);
        }
        return new NoiseModel(nRunsPerGenome * factor, nRunMinLength, nRunMaxLength,
                Math.min(1, deletionMaskProbability * factor), Math.min(1, privateSubstitutionRate * factor),
                terminalTrimMax, spikeNRunsMean * factor, Math.min(1, privateDeletionProbability * factor),
                privateDeletionMaxCodons, mutationPresence, ambiguousBaseRate);
    }

    /** This model with N runs in the spike of Poisson mean {@code mean}, each {@code min..max} nt long. */
    public NoiseModel withSpikeNRuns(double mean, int min, int max) {
        return new NoiseModel(nRunsPerGenome, min, max, deletionMaskProbability, privateSubstitutionRate,
                terminalTrimMax, mean, privateDeletionProbability, privateDeletionMaxCodons, mutationPresence, ambiguousBaseRate);
    }

    /** This model with another private-substitution rate per base. */
    public NoiseModel withPrivateSubstitutionRate(double rate) {
        return new NoiseModel(nRunsPerGenome, nRunMinLength, nRunMaxLength, deletionMaskProbability, rate,
                terminalTrimMax, spikeNRunsMean, privateDeletionProbability, privateDeletionMaxCodons, mutationPresence, ambiguousBaseRate);
    }

    /** This model with another probability of a private in-frame deletion in the spike. */
    public NoiseModel withPrivateDeletionProbability(double p) {
        return new NoiseModel(nRunsPerGenome, nRunMinLength, nRunMaxLength, deletionMaskProbability,
                privateSubstitutionRate, terminalTrimMax, spikeNRunsMean, p, privateDeletionMaxCodons, mutationPresence, ambiguousBaseRate);
    }

    /** This model with lineage changes applied at {@code presence} times their observed frequency. */
    public NoiseModel withMutationPresence(double presence) {
        return new NoiseModel(nRunsPerGenome, nRunMinLength, nRunMaxLength, deletionMaskProbability,
                privateSubstitutionRate, terminalTrimMax, spikeNRunsMean, privateDeletionProbability,
                privateDeletionMaxCodons, presence, ambiguousBaseRate);
    }

    /** This model with single ambiguous bases (N) at {@code rate} per base. */
    public NoiseModel withAmbiguousBaseRate(double rate) {
        return new NoiseModel(nRunsPerGenome, nRunMinLength, nRunMaxLength, deletionMaskProbability,
                privateSubstitutionRate, terminalTrimMax, spikeNRunsMean, privateDeletionProbability,
                privateDeletionMaxCodons, mutationPresence, rate);
    }
}
