package org.bertgeometry.variants.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * The paper's test metrics (paper-methods §4.3; docs/methods.md, "Metrics"): accuracy, micro and
 * macro F1, per-class precision, recall, F1, support and specificity, and the confusion matrix (rows
 * true label, columns predicted label, ordered by label). Each sample is counted once; the paper's
 * clustering path counted some test samples twice, which is a bug we do not reproduce.
 *
 * <p>Conventions follow scikit-learn's defaults: a ratio with zero denominator is 0; macro averages
 * run over the labels that occur in the true or the predicted labels (sklearn's default {@code labels}
 * = their union), not over classes absent from both; micro F1 pools all classes' TP, FP and FN, which
 * for single-label data equals accuracy.
 */
public record ClassificationMetrics(int numClasses, long total, double accuracy, double microF1, double macroF1,
        double macroPrecision, double macroRecall, List<ClassMetrics> perClass, long[][] confusion) {

    /**
     * Computes every metric. Labels must lie in [0, numClasses).
     *
     * @param trueLabels true class of each sample
     * @param predicted  predicted class of each sample (same length)
     */
    public static ClassificationMetrics compute(int[] trueLabels, int[] predicted, int numClasses) {
        if (trueLabels.length != predicted.length) {
            throw new IllegalArgumentException("got " + trueLabels.length + " true labels but " + predicted.length
                    + " predictions; they must pair up one to one");
        }
        if (trueLabels.length == 0) {
            throw new IllegalArgumentException("no samples: metrics need at least one prediction");
        }
        long[][] cm = new long[numClasses][numClasses];
        for (int i = 0; i < trueLabels.length; i++) {
            int t = trueLabels[i];
            int p = predicted[i];
            if (t < 0 || t >= numClasses || p < 0 || p >= numClasses) {
                throw new IllegalArgumentException("sample " + i + " has true label " + t + " and prediction " + p
                        + "; both must be in 0.." + (numClasses - 1));
            }
            cm[t][p]++;
        }
        long n = trueLabels.length;
        long correct = 0;
        for (int c = 0; c < numClasses; c++) {
            correct += cm[c][c];
        }
        List<ClassMetrics> per = new ArrayList<>();
        double sumP = 0;
        double sumR = 0;
        double sumF = 0;
        int present = 0;
        long tpAll = 0;
        long fpAll = 0;
        long fnAll = 0;
        for (int c = 0; c < numClasses; c++) {
            long tp = cm[c][c];
            long fn = 0;
            long fp = 0;
            for (int o = 0; o < numClasses; o++) {
                if (o != c) {
                    fn += cm[c][o];
                    fp += cm[o][c];
                }
            }
            long tn = n - tp - fn - fp;
            double precision = ratio(tp, tp + fp);
            double recall = ratio(tp, tp + fn);
            double f1 = ratio(2 * tp, 2 * tp + fp + fn);
            per.add(new ClassMetrics(c, precision, recall, f1, tp + fn, ratio(tn, tn + fp), tp, fp, fn, tn));
            tpAll += tp;
            fpAll += fp;
            fnAll += fn;
            if (tp + fn + fp > 0) {
                present++;
                sumP += precision;
                sumR += recall;
                sumF += f1;
            }
        }
        double micro = ratio(2 * tpAll, 2 * tpAll + fpAll + fnAll);
        return new ClassificationMetrics(numClasses, n, correct / (double) n, micro, sumF / present, sumP / present,
                sumR / present, List.copyOf(per), cm);
    }

    private static double ratio(long num, long den) {
        return den == 0 ? 0.0 : num / (double) den;
    }
}
