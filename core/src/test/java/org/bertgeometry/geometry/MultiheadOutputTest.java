package org.bertgeometry.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MultiheadOutputTest {

    @Test
    void codeCompatIsFreshLayerNormOfInputPlusConcatenatedHeads() {
        // x = [1, 2], heads [0] and [2]: s = [1, 4]; mean 2.5, var 2.25 -> (s - 2.5)/1.5 = [-1, 1]
        double[][] out = MultiheadOutput.codeCompat(new double[][] {{1, 2}},
                List.of(new double[][] {{0}}, new double[][] {{2}}));
        assertArrayEquals(new double[] {-1, 1}, out[0], 1e-9);
    }

    @Test
    void hfExactAppliesOutputProjectionBiasAndTrainedLayerNorm() {
        // concat = [1, 0]; W_O = [[0, 1], [1, 0]] -> [0, 1]; + b [1, 1] -> [1, 2]; + x [0, 2] -> [1, 4]
        // LN -> [-1, 1]; gamma [2, 3], beta [0, 1] -> [-2, 4]
        double[][] out = MultiheadOutput.hfExact(new double[][] {{0, 2}}, List.<double[][]>of(new double[][] {{1, 0}}),
                new double[][] {{0, 1}, {1, 0}}, new double[] {1, 1}, new double[] {2, 3}, new double[] {0, 1}, 1e-12);
        assertArrayEquals(new double[] {-2, 4}, out[0], 1e-9);
    }

    @Test
    void headWidthsMustAddUpToTheHiddenSize() {
        assertThrows(IllegalArgumentException.class,
                () -> MultiheadOutput.codeCompat(new double[][] {{1, 2}}, List.<double[][]>of(new double[][] {{0}})));
    }
}
