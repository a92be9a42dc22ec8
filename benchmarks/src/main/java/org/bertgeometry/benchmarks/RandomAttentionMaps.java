package org.bertgeometry.benchmarks;

import java.util.Random;

/**
 * Realistic, full-rank attention maps for benchmarks: each row is the softmax of Gaussian scores with
 * standard deviation 2, drawn row by row from the caller's generator so that a seeded run sees the same
 * maps every time.
 */
public final class RandomAttentionMaps {

    private RandomAttentionMaps() {
    }

    /** One {@code (seq, seq)} map whose rows each sum to 1. */
    public static double[][] softmaxOfGaussian(int seq, Random r) {
        double[][] map = new double[seq][seq];
        for (double[] row : map) {
            double z = 0;
            for (int j = 0; j < seq; j++) {
                row[j] = Math.exp(2 * r.nextGaussian());
                z += row[j];
            }
            for (int j = 0; j < seq; j++) {
                row[j] /= z;
            }
        }
        return map;
    }
}
