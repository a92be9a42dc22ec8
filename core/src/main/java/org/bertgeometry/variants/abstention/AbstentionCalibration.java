package org.bertgeometry.variants.abstention;

import java.util.ArrayList;
import java.util.List;
import org.bertgeometry.variants.classifier.LabelledSpikes;
import org.bertgeometry.variants.classifier.VariantPredictor;

/**
 * Fits the abstention rule of a trained classifier (docs/methods.md, "Calibration and abstention"): class
 * means and the shared covariance of the pooled [CLS] vectors come from (at most {@code maxPerClass} per
 * class of) the training sequences, the classes' k-mer signatures from all training sequences and the
 * reference, and the three thresholds from held-out in-distribution sequences, so that about {@code rate}
 * of those fall below the probability threshold, about {@code rate} beyond the distance threshold and
 * about {@code rate} below the signature threshold.
 */
public final class AbstentionCalibration {

    /** Share of held-out in-distribution sequences each threshold may leave unassigned by default. */
    public static final double DEFAULT_RATE = 0.005;

    /** Training sequences per class used for the class means and covariance by default. */
    public static final int DEFAULT_MAX_PER_CLASS = 60;

    private AbstentionCalibration() {
    }

    /**
     * The rule for {@code predictor}'s model; {@code heldOut} must not overlap {@code train}, and
     * {@code reference} is the sequence the signatures' k-mers must be absent from (the reference spike).
     */
    public static AbstentionRule fit(VariantPredictor predictor, LabelledSpikes train, LabelledSpikes heldOut,
            String reference, double rate, int maxPerClass) {
        int classes = train.classNames().size();
        int[] taken = new int[classes];
        int[] labels = train.labels();
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (taken[labels[i]] < maxPerClass) {
                taken[labels[i]]++;
                keep.add(i);
            }
        }
        LabelledSpikes sample = train.subset(keep.stream().mapToInt(Integer::intValue).toArray());
        VariantPredictor.Predictions fitted = predictor.predict(sample.spikes(), () -> false);
        MahalanobisScorer scorer = MahalanobisScorer.fit(fitted.features(), sample.labels(), classes);
        VariantPredictor.Predictions held = predictor.predict(heldOut.spikes(), () -> false);
        double[] distances = new double[heldOut.size()];
        for (int i = 0; i < distances.length; i++) {
            distances[i] = scorer.score(held.features()[i]);
        }
        KmerSignatures signatures = KmerSignatures.fit(reference, train.spikes(), train.labels(), classes,
                KmerSignatures.DEFAULT_K, KmerSignatures.DEFAULT_MIN_SHARE);
        return AbstentionRule.calibrate(held.maxProbabilities(), distances, rate, scorer)
                .withSignature(SignatureCheck.calibrate(signatures, heldOut.spikes(), held.predicted(), rate));
    }
}
