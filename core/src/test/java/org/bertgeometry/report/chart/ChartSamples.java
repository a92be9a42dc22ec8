package org.bertgeometry.report.chart;

import java.util.ArrayList;
import java.util.List;

/** Small deterministic inputs for the chart tests (no random numbers: values are closed-form). */
final class ChartSamples {

    private ChartSamples() {
    }

    /** An n x n "attention" map: a diagonal band plus a vertical stripe at column 0, rows summing to about 1. */
    static double[][] attention(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double d = i - j;
                m[i][j] = Math.exp(-d * d / 8.0) + (j == 0 ? 2.0 : 0.0);
            }
        }
        return m;
    }

    /** Labels like "211-214" for k-mer tokens of length 4 with stride 1 starting at position 211. */
    static List<String> positions(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add((211 + i) + "-" + (214 + i));
        }
        return out;
    }
}
