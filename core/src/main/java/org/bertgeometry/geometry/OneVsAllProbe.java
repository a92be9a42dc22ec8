package org.bertgeometry.geometry;

/**
 * One-vs-all linear probe on selected token embeddings (docs/methods.md, "One-vs-all probe"). The
 * authors' notebook trained a small MLP (768-32-32-2, Adam) whose code could not run as written; this
 * is the project's own, simpler and deterministic operationalisation: L2-regularised logistic
 * regression trained by full-batch gradient descent on standardised features, from zero weights
 * (no randomness). Inputs are the concatenated embedding vectors of the selected token positions
 * (the notebook used position 71, amino acids 211-214, of the embedding output) and a 0/1 label
 * (positive class, e.g. mu, against the rest).
 */
public final class OneVsAllProbe {

    /**
     * @param learningRate gradient step, default 0.1
     * @param epochs       full-batch iterations, default 1000
     * @param l2           L2 penalty on the weights (not the intercept), default 1e-4
     * @param standardize  centre and scale features with the training mean/std, default true
     */
    public record Params(double learningRate, int epochs, double l2, boolean standardize) {
        public static Params defaults() {
            return new Params(0.1, 1000, 1e-4, true);
        }
    }

    /** Confusion-matrix metrics on a 0/1 task, positives = 1. */
    public record Metrics(int truePositives, int falsePositives, int trueNegatives, int falseNegatives) {
        public double accuracy() {
            return (double) (truePositives + trueNegatives)
                    / (truePositives + falsePositives + trueNegatives + falseNegatives);
        }

        public double precision() {
            return truePositives + falsePositives == 0 ? Double.NaN
                    : (double) truePositives / (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0 ? Double.NaN
                    : (double) truePositives / (truePositives + falseNegatives);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private final double[] weights;
    private final double intercept;
    private final double[] mean;
    private final double[] scale;

    private OneVsAllProbe(double[] weights, double intercept, double[] mean, double[] scale) {
        this.weights = weights;
        this.intercept = intercept;
        this.mean = mean;
        this.scale = scale;
    }

    /** Trains on rows {@code x} with labels {@code y} (each 0 or 1). Cost O(epochs m d). */
    public static OneVsAllProbe train(double[][] x, int[] y, Params params) {
        int d = MatrixChecks.requireRectangular(x, "training features");
        int m = x.length;
        if (y.length != m) {
            throw new IllegalArgumentException(m + " feature rows but " + y.length + " labels");
        }
        for (int i = 0; i < m; i++) {
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("label " + y[i] + " at row " + i + " is not 0 or 1");
            }
        }
        double[] mean = new double[d];
        double[] scale = new double[d];
        java.util.Arrays.fill(scale, 1);
        if (params.standardize()) {
            for (double[] row : x) {
                for (int j = 0; j < d; j++) {
                    mean[j] += row[j] / m;
                }
            }
            for (int j = 0; j < d; j++) {
                double ss = 0;
                for (double[] row : x) {
                    ss += (row[j] - mean[j]) * (row[j] - mean[j]);
                }
                double sd = Math.sqrt(ss / m);
                scale[j] = sd > 0 ? sd : 1; // a constant feature carries no information; leave it centred
            }
        }
        double[][] z = new double[m][d];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (x[i][j] - mean[j]) / scale[j];
            }
        }
        double[] w = new double[d];
        double b = 0;
        double[] grad = new double[d];
        for (int epoch = 0; epoch < params.epochs(); epoch++) {
            java.util.Arrays.fill(grad, 0);
            double gb = 0;
            for (int i = 0; i < m; i++) {
                double err = sigmoid(dot(w, z[i]) + b) - y[i];
                for (int j = 0; j < d; j++) {
                    grad[j] += err * z[i][j] / m;
                }
                gb += err / m;
            }
            for (int j = 0; j < d; j++) {
                w[j] -= params.learningRate() * (grad[j] + params.l2() * w[j]);
            }
            b -= params.learningRate() * gb;
        }
        return new OneVsAllProbe(w, b, mean, scale);
    }

    /** Probability of the positive class for one feature vector. */
    public double probability(double[] features) {
        if (features.length != weights.length) {
            throw new IllegalArgumentException("probe was trained on " + weights.length + " features, got "
                    + features.length);
        }
        double s = intercept;
        for (int j = 0; j < weights.length; j++) {
            s += weights[j] * (features[j] - mean[j]) / scale[j];
        }
        return sigmoid(s);
    }

    /** Metrics at probability cut 0.5. */
    public Metrics evaluate(double[][] x, int[] y) {
        MatrixChecks.requireRectangular(x, "test features");
        if (y.length != x.length) {
            throw new IllegalArgumentException(x.length + " feature rows but " + y.length + " labels");
        }
        int tp = 0;
        int fp = 0;
        int tn = 0;
        int fn = 0;
        for (int i = 0; i < x.length; i++) {
            boolean pos = probability(x[i]) >= 0.5;
            if (pos && y[i] == 1) {
                tp++;
            } else if (pos) {
                fp++;
            } else if (y[i] == 1) {
                fn++;
            } else {
                tn++;
            }
        }
        return new Metrics(tp, fp, tn, fn);
    }

    private static double sigmoid(double s) {
        return s >= 0 ? 1 / (1 + Math.exp(-s)) : Math.exp(s) / (1 + Math.exp(s));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
