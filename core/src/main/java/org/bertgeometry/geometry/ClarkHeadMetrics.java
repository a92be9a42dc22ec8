package org.bertgeometry.geometry;

/**
 * Per-head attention metrics of Clark, Khandelwal, Levy and Manning 2019, "What Does BERT Look At?"
 * (docs/methods.md, "Clark et al. metrics"), offered as a second, cited scheme next to the gate
 * proposal: the mean attention of a query to itself, to the next and previous token, to [CLS] and to
 * [SEP], and the mean row entropy. The entropy is smoothed by a small epsilon inside the logarithm
 * (our choice, default 1e-10) so that zero weights are allowed; it changes the value by at most about
 * n * eps. All positions are
 * used as given: these metrics are defined on the full map including special tokens.
 *
 * @param self     mean A[i,i]
 * @param next     mean A[i,i+1] over rows with a next position
 * @param previous mean A[i,i-1] over rows with a previous position
 * @param cls      mean A[i,cls] (NaN without a [CLS] position)
 * @param sep      mean over rows of the summed weight on [SEP]/[PAD] positions (NaN without any)
 * @param entropy  mean over rows of {@code -sum_j A[i,j] ln(A[i,j] + eps)} (nats)
 */
public record ClarkHeadMetrics(double self, double next, double previous, double cls, double sep, double entropy) {

    /** Default entropy smoothing. */
    public static final double DEFAULT_EPSILON = 1e-10;

    /** Computes the metrics; {@code special} gives the [CLS] index and the [SEP]/[PAD] positions. */
    public static ClarkHeadMetrics of(double[][] a, SpecialPositions special, double epsilon) {
        int n = MatrixChecks.requireSquare(a, "attention map");
        special.requireFits(n);
        double self = 0;
        double next = 0;
        double prev = 0;
        double cls = 0;
        double sep = 0;
        double ent = 0;
        for (int i = 0; i < n; i++) {
            self += a[i][i];
            if (i + 1 < n) {
                next += a[i][i + 1];
            }
            if (i > 0) {
                prev += a[i][i - 1];
            }
            if (special.cls() >= 0) {
                cls += a[i][special.cls()];
            }
            for (int s : special.removed()) {
                sep += a[i][s];
            }
            for (int j = 0; j < n; j++) {
                if (a[i][j] > 0) {
                    ent -= a[i][j] * Math.log(a[i][j] + epsilon);
                }
            }
        }
        return new ClarkHeadMetrics(self / n, n > 1 ? next / (n - 1) : Double.NaN,
                n > 1 ? prev / (n - 1) : Double.NaN, special.cls() >= 0 ? cls / n : Double.NaN,
                special.removed().length > 0 ? sep / n : Double.NaN, ent / n);
    }

    public static String[] csvHeader() {
        return new String[] {"clark_self", "clark_next", "clark_previous", "clark_cls", "clark_sep", "clark_entropy"};
    }

    public String[] csvValues() {
        return new String[] {Double.toString(self), Double.toString(next), Double.toString(previous),
            Double.toString(cls), Double.toString(sep), Double.toString(entropy)};
    }
}
