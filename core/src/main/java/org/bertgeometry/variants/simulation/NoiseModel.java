package org.bertgeometry.variants.simulation;

/**
 * Sequencing and assembly noise added to simulated genomes, with defaults chosen to look like typical
 * GISAID consensus genomes (docs/case-study-data.md, "Simulator"): a few runs of N from amplicon
 * drop-outs, lineage deletions sometimes reported as N instead of removed, a handful of private
 * substitutions, and a few dozen bases missing at each end.
 *
 * @param nRunsPerGenome          mean number (Poisson) of N runs per genome; default 1.0
 * @param nRunMinLength           shortest N run, nt; default 20
 * @param nRunMaxLength           longest N run, nt (lengths uniform in between); default 300
 * @param deletionMaskProbability probability that a lineage deletion is written as N's of the deleted
 *                                length instead of being removed; default 0.05
 * @param privateSubstitutionRate probability per base of a private substitution; default 1e-4
 *                                (about 3 per genome, 0.4 per spike)
 * @param terminalTrimMax         at most this many bases are cut from each end (uniform 0..max);
 *                                default 60
 */
public record NoiseModel(double nRunsPerGenome, int nRunMinLength, int nRunMaxLength, double deletionMaskProbability,
        double privateSubstitutionRate, int terminalTrimMax) {

    public NoiseModel {
        if (nRunsPerGenome < 0 || privateSubstitutionRate < 0 || privateSubstitutionRate > 1
                || deletionMaskProbability < 0 || deletionMaskProbability > 1) {
            throw new IllegalArgumentException("noise rates must be non-negative and probabilities at most 1: " + this);
        }
        if (nRunMinLength < 1 || nRunMaxLength < nRunMinLength || terminalTrimMax < 0) {
            throw new IllegalArgumentException("need 1 <= nRunMinLength <= nRunMaxLength and terminalTrimMax >= 0: " + this);
        }
    }

    /** The documented defaults. */
    public static NoiseModel defaults() {
        return new NoiseModel(1.0, 20, 300, 0.05, 1e-4, 60);
    }

    /** No noise at all: the genome is the reference with the class's changes. */
    public static NoiseModel none() {
        return new NoiseModel(0, 20, 300, 0, 0, 0);
    }

    /**
     * This model with every rate (N runs per genome, deletion masking, private substitutions)
     * multiplied by {@code factor}; probabilities are capped at 1 and lengths are unchanged.
     * {@code defaults().scaled(2.0)} is "twice the default noise".
     */
    public NoiseModel scaled(double factor) {
        if (!(factor >= 0)) {
            throw new IllegalArgumentException("noise scale factor must be >= 0, got " + factor);
        }
        return new NoiseModel(nRunsPerGenome * factor, nRunMinLength, nRunMaxLength,
                Math.min(1, deletionMaskProbability * factor), Math.min(1, privateSubstitutionRate * factor), terminalTrimMax);
    }
}
