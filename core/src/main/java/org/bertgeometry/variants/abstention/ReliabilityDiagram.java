package org.bertgeometry.variants.abstention;

import java.util.ArrayList;
import java.util.List;

/**
 * How well a classifier's confidence (its highest class probability) matches its accuracy: the
 * confidences are put into equal-width bins on [0, 1], and each bin's accuracy is compared with its mean
 * confidence. The expected calibration error is the sample-weighted mean gap,
 * ECE = sum over bins of (n_b / N) |accuracy_b - confidence_b| (Guo et al. 2017, "On calibration of modern
 * neural networks"; docs/methods.md, "Calibration and abstention"). Bin b holds confidences in
 * (b/B, (b+1)/B], the first bin also 0.
 *
 * @param bins one entry per bin, empty bins included (count 0, NaN means)
 * @param ece  expected calibration error
 */
public record ReliabilityDiagram(List<Bin> bins, double ece) {

    /** One confidence bin. */
    public record Bin(double lower, double upper, int count, double meanConfidence, double accuracy) {
    }

    public ReliabilityDiagram {
        bins = List.copyOf(bins);
    }

    /** The diagram of {@code confidence[i]} against {@code correct[i]} with {@code binCount} bins. */
    public static ReliabilityDiagram compute(double[] confidence, boolean[] correct, int binCount) {
        if (confidence.length != correct.length || confidence.length == 0) {
            throw new IllegalArgumentException("need as many confidences as outcomes, at least one; got "
                    + confidence.length + " and " + correct.length);
        }
        if (binCount < 1) {
            throw new IllegalArgumentException("need at least one bin, got " + binCount);
        }
        int[] n = new int[binCount];
        double[] conf = new double[binCount];
        int[] right = new int[binCount];
        for (int i = 0; i < confidence.length; i++) {
            double c = confidence[i];
            if (!(c >= 0 && c <= 1)) {
                throw new IllegalArgumentException("confidence " + c + " of sample " + i + " is outside [0, 1]");
            }
            int b = Math.max(0, (int) Math.ceil(c * binCount) - 1);
            n[b]++;
            conf[b] += c;
            right[b] += correct[i] ? 1 : 0;
        }
        List<Bin> bins = new ArrayList<>(binCount);
        double ece = 0;
        for (int b = 0; b < binCount; b++) {
            double meanConf = n[b] == 0 ? Double.NaN : conf[b] / n[b];
            double acc = n[b] == 0 ? Double.NaN : right[b] / (double) n[b];
            bins.add(new Bin(b / (double) binCount, (b + 1) / (double) binCount, n[b], meanConf, acc));
            if (n[b] > 0) {
                ece += n[b] / (double) confidence.length * Math.abs(acc - meanConf);
            }
        }
        return new ReliabilityDiagram(bins, ece);
    }
}
