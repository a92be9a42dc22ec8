package org.bertgeometry.variants.augmentation;

/**
 * How {@link SpikeAugmenter} perturbs a training spike each epoch: the artefacts of real surveillance
 * sequences (docs/case-study-data.md, "Training augmentation"), drawn afresh every time a sequence is
 * used, so the classifier never sees the same noise twice. The defaults are deliberately heavier than the
 * simulator's default noise, so that a model trained on default-noise data has seen twice the noise.
 *
 * @param share              probability that a sequence is perturbed at all in an epoch; default 0.8
 * @param nRunsMean          mean number (Poisson) of N runs per spike; default 1.0
 * @param nRunMinLength      shortest N run, nt; default 20
 * @param nRunMaxLength      longest N run, nt (uniform in between); default 300
 * @param substitutionRate   probability per base of a private substitution; default 3e-4 (about one per spike)
 * @param deletionProbability probability of one private in-frame deletion of 1..{@code deletionMaxCodons}
 *                           whole codons; default 0.05
 * @param deletionMaxCodons  longest private deletion in codons; default 3
 * @param minPresence        a perturbed sequence keeps each revertible difference from the reference with
 *                           probability {@code presence}, drawn uniformly from [minPresence, 1]; the others
 *                           are reverted to the reference base, so the model learns from sequences that
 *                           lack some lineage mutations; default 0.7
 */
public record AugmentationSettings(double share, double nRunsMean, int nRunMinLength, int nRunMaxLength,
        double substitutionRate, double deletionProbability, int deletionMaxCodons, double minPresence) {

    public AugmentationSettings {
        if (!(share >= 0 && share <= 1) || !(nRunsMean >= 0) || !(substitutionRate >= 0 && substitutionRate <= 1)
                || !(deletionProbability >= 0 && deletionProbability <= 1) || !(minPresence >= 0 && minPresence <= 1)) {
            throw new IllegalArgumentException("augmentation rates must be >= 0 and probabilities at most 1: " + this);
        }
        if (nRunMinLength < 1 || nRunMaxLength < nRunMinLength || deletionMaxCodons < 1) {
            throw new IllegalArgumentException("need 1 <= nRunMinLength <= nRunMaxLength and deletionMaxCodons >= 1: "
                    + this);
        }
    }

    /** The documented defaults. */
    public static AugmentationSettings defaults() {
        return new AugmentationSettings(0.8, 1.0, 20, 300, 3e-4, 0.05, 3, 0.7);
    }

    /** Nothing is changed: every sequence is used as given. */
    public static AugmentationSettings none() {
        return new AugmentationSettings(0, 0, 20, 300, 0, 0, 3, 1);
    }
}
