package org.bertgeometry.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ConeIndexTest {

    @Test
    void squaredIndexEqualsNPlusSumOfPairwiseCosines() {
        // ||sum u_i||^2 = sum_i ||u_i||^2 + sum_{i != j} u_i . u_j = n + sum_{i != j} cos(z_i, z_j)
        Random r = new Random(3);
        double[][] z = new double[20][7];
        for (double[] row : z) {
            for (int j = 0; j < row.length; j++) {
                row[j] = r.nextGaussian() + 0.3;
            }
        }
        double cos = 0;
        for (int i = 0; i < z.length; i++) {
            for (int j = 0; j < z.length; j++) {
                if (i != j) {
                    cos += dot(z[i], z[j]) / Math.sqrt(dot(z[i], z[i]) * dot(z[j], z[j]));
                }
            }
        }
        double index = ConeIndex.of(z).index();
        assertEquals(z.length + cos, index * index, 1e-9);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void parallelVectorsGiveNAndOpposedVectorsGiveZero() {
        ConeIndex.Result same = ConeIndex.of(new double[][] {{1, 1}, {2, 2}, {5, 5}});
        assertEquals(3.0, same.index(), 1e-12);
        assertEquals(1.0, same.normalized(), 1e-12);
        assertEquals(0.0, ConeIndex.of(new double[][] {{1, 0}, {-3, 0}}).index(), 1e-15);
    }

    @Test
    void rawVariantSumsTheVectorsWithoutNormalising() {
        // (1,2) + (3,4) = (4,6): sqrt(52)
        ConeIndex.Params raw = new ConeIndex.Params(ConeIndex.Variant.RAW, ConeIndex.ZeroVectors.SKIP);
        ConeIndex.Result r = ConeIndex.of(new double[][] {{1, 2}, {3, 4}}, raw);
        assertEquals(Math.sqrt(52), r.index(), 1e-12);
        assertEquals(Math.sqrt(52) / 2, r.normalized(), 1e-12);
    }

    @Test
    void zeroVectorsAreSkippedAndCountedOrGiveNaN() {
        double[][] z = {{1, 0}, {0, 0}, {1, 0}};
        ConeIndex.Result skip = ConeIndex.of(z);
        assertEquals(2.0, skip.index(), 1e-15);
        assertEquals(2, skip.n());
        assertEquals(1, skip.zeroRows());
        assertEquals(1.0, skip.normalized(), 1e-15);
        ConeIndex.Result nan = ConeIndex.of(z, new ConeIndex.Params(ConeIndex.Variant.UNIT, ConeIndex.ZeroVectors.NAN));
        assertTrue(Double.isNaN(nan.index()));
    }

    @Test
    void badInputIsRejectedWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConeIndex.of(new double[0][]));
        assertTrue(e.getMessage().contains("empty"));
        e = assertThrows(IllegalArgumentException.class, () -> ConeIndex.of(new double[][] {{1, Double.NaN}}));
        assertTrue(e.getMessage().contains("non-finite"));
        e = assertThrows(IllegalArgumentException.class, () -> ConeIndex.of(new double[][] {{1, 2}, {1}}));
        assertTrue(e.getMessage().contains("not rectangular"));
    }
}
