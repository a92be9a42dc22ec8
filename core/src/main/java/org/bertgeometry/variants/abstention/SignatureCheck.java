package org.bertgeometry.variants.abstention;

import java.util.List;

/**
 * The k-mer signature part of the abstention rule (docs/methods.md, "Calibration and abstention"): a
 * sequence is unassigned when the share of its predicted class's signature it contains is below
 * {@code minFraction}. The threshold is set like the rule's other two, as the {@code rate}-quantile of the
 * shares of held-out in-distribution sequences under their predicted class.
 *
 * @param signatures  the classes' signatures, or null for a rule stored before the check existed (never abstains)
 * @param minFraction sequences with a smaller present share are unassigned
 */
public record SignatureCheck(KmerSignatures signatures, double minFraction) {

    /** The check of a rule without signatures: it never answers "unassigned". */
    public static SignatureCheck none() {
        return new SignatureCheck(null, 0);
    }

    /** Whether this check has signatures (rules saved before it existed have none). */
    public boolean present() {
        return signatures != null;
    }

    /** Whether {@code sequence}, predicted as class {@code predicted}, lacks too much of that class's signature. */
    public boolean missing(String sequence, int predicted) {
        return present() && signatures.presentFraction(sequence, predicted) < minFraction;
    }

    /** The threshold from held-out in-distribution sequences and the classes the model predicted for them. */
    public static SignatureCheck calibrate(KmerSignatures signatures, List<String> heldOut, int[] predicted,
            double rate) {
        double[] shares = new double[heldOut.size()];
        for (int i = 0; i < shares.length; i++) {
            shares[i] = signatures.presentFraction(heldOut.get(i), predicted[i]);
        }
        return new SignatureCheck(signatures, AbstentionRule.quantile(shares, rate));
    }
}
