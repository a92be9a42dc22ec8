package org.bertgeometry.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptimisationTest {

    @Test
    void adamWMatchesTorchArithmeticWorkedByHand() {
        // loss = 3 w, so the gradient is 3 at every step; lr 0.1, wd 0.01, betas (0.9, 0.999), eps 1e-8.
        // step 1: w = 1 * (1 - 0.001) = 0.999; m = 0.3; v = 0.009; bias corrections 0.1 and 0.001;
        //         sqrt(v / 0.001) = 3, so w = 0.999 - (0.3 / 3) * (0.1 / 0.1) = 0.899
        // step 2: w = 0.899 * 0.999 = 0.898101; m = 0.57; v = 0.017991; corrections 0.19 and 0.001999;
        //         sqrt(v / 0.001999) = 3, so w = 0.898101 - (0.57 / 3) * (0.1 / 0.19) = 0.798101
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray w = manager.create(new float[] {1f});
            w.setRequiresGradient(true);
            AdamW adam = new AdamW(new AdamWSettings(0.1, 0.9, 0.999, 1e-8, 0.01));
            double[] expected = {0.899, 0.798101};
            for (double want : expected) {
                try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
                    gc.backward(w.mul(3f).sum());
                }
                adam.step(Map.of("w", w), 0.1);
                GradientClipping.zeroGradients(List.of(w));
                assertEquals(want, w.getFloat(), 1e-6);
            }
            assertEquals(2, adam.stepCount());
        }
    }

    @Test
    void clippingScalesToTheGlobalNormLimit() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray a = manager.create(new float[] {1f});
            NDArray b = manager.create(new float[] {1f});
            a.setRequiresGradient(true);
            b.setRequiresGradient(true);
            try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
                gc.backward(a.mul(3f).add(b.mul(4f)).sum());
            }
            double norm = GradientClipping.clipGlobalNorm(List.of(a, b), 1.0);
            assertEquals(5.0, norm, 1e-6); // sqrt(3^2 + 4^2)
            assertEquals(0.6, a.getGradient().getFloat(), 1e-6);
            assertEquals(0.8, b.getGradient().getFloat(), 1e-6);
            GradientClipping.zeroGradients(List.of(a, b));
            assertEquals(0f, a.getGradient().getFloat());
        }
    }

    @Test
    void linearScheduleRisesThenFallsToZero() {
        LinearWarmupDecay s = new LinearWarmupDecay(1.0, 10, 100);
        assertEquals(0.0, s.rate(0));
        assertEquals(0.5, s.rate(5), 1e-12);
        assertEquals(1.0, s.rate(10), 1e-12);
        assertEquals(0.5, s.rate(55), 1e-12);
        assertEquals(0.0, s.rate(100));
        // the paper: 18,180 steps with 10 % warm-up gives 1,818 warm-up steps (paper-methods 4.2)
        assertEquals(1818, LinearWarmupDecay.withWarmupFraction(2e-5, 18180, 0.1).warmupSteps());
        assertThrows(IllegalArgumentException.class, () -> new LinearWarmupDecay(1, 5, 0));
    }
}
