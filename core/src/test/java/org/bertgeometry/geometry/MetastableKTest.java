package org.bertgeometry.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MetastableKTest {

    /** The definition written out plainly: sort ascending, add float32 values from the top. */
    private static int plainK(float[] row, double threshold) {
        float[] s = row.clone();
        Arrays.sort(s);
        float cumulative = 0f;
        for (int k = 1; k <= s.length; k++) {
            cumulative += s[s.length - k];
            if ((double) cumulative >= threshold) {
                return k;
            }
        }
        return s.length;
    }

    @Test
    void fastOrderingGivesTheDefinitionsKOnAttentionLikeRows() {
        Random r = new Random(3);
        for (int trial = 0; trial < 500; trial++) {
            int n = 1 + r.nextInt(600);
            float[] row = new float[n];
            double sum = 0;
            for (int j = 0; j < n; j++) {
                // peaked, flat, tied, zero and subnormal entries all occur
                double v = switch (r.nextInt(5)) {
                    case 0 -> 0.0;
                    case 1 -> Float.MIN_VALUE;
                    case 2 -> 0.25;
                    default -> Math.exp(r.nextGaussian() * 3);
                };
                row[j] = (float) v;
                sum += v;
            }
            for (int j = 0; j < n && sum > 0; j++) {
                row[j] = (float) (row[j] / sum);
            }
            for (double t : new double[] {0.5, 0.9, 0.99}) {
                assertEquals(plainK(row, t), MetastableK.of(row, new MetastableK.Params(t)), "trial " + trial);
            }
        }
    }

    @Test
    void rowsWithNegativeValuesUseTheComparisonOrder() {
        float[] row = {-0.5f, 0.9f, 0.4f, -0.0f, 0.2f};
        // descending 0.9, 0.4, ...: 0.9f is 0.89999998 in double, below 0.9, so k = 2 (0.9f + 0.4f = 1.3f)
        assertEquals(2, MetastableK.of(row, MetastableK.Params.defaults()));
        assertEquals(plainK(row, 0.95), MetastableK.of(row, new MetastableK.Params(0.95)));
        assertThrows(IllegalArgumentException.class, () -> MetastableK.of(new float[] {0.5f, Float.NaN},
                MetastableK.Params.defaults()));
    }
}
