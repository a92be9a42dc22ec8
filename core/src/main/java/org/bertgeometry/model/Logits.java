package org.bertgeometry.model;

/**
 * Turning a classifier's or masked-LM head's logits into probabilities and decisions, in double
 * precision with the maximum subtracted first so that large logits never overflow. One place for
 * what the trainer (cross-entropy), the predictors (probabilities) and fill-mask (top tokens) share.
 */
public final class Logits {

    private Logits() {
    }

    /** {@code log softmax(x)} of one row. */
    public static double[] logSoftmax(float[] x) {
        double max = max(x);
        double sum = 0;
        for (float v : x) {
            sum += Math.exp(v - max);
        }
        double log = max + Math.log(sum);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] - log;
        }
        return out;
    }

    /** {@code softmax(x)} of one row; the entries sum to 1 up to rounding. */
    public static double[] softmax(float[] x) {
        double max = max(x);
        double[] p = new double[x.length];
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            p[i] = Math.exp(x[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** Index of the largest entry (the first one on ties). */
    public static int argmax(float[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            if (x[i] > x[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Index of the largest entry (the first one on ties). */
    public static int argmax(double[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            if (x[i] > x[best]) {
                best = i;
            }
        }
        return best;
    }

    private static double max(float[] x) {
        if (x.length == 0) {
            throw new IllegalArgumentException("no logits");
        }
        double max = Double.NEGATIVE_INFINITY;
        for (float v : x) {
            max = Math.max(max, v);
        }
        return max;
    }
}
