package org.bertgeometry.training;

/**
 * The learning-rate schedule of Hugging Face's {@code get_linear_schedule_with_warmup}, which the
 * paper used: the rate rises linearly from 0 to its peak over the warm-up steps, then falls
 * linearly to 0 at the last step. The paper's warm-up is 10 % of all steps
 * ({@link #withWarmupFraction}).
 *
 * @param peak        the learning rate at the end of warm-up
 * @param warmupSteps steps of linear warm-up (may be 0)
 * @param totalSteps  all optimiser steps of the run
 */
public record LinearWarmupDecay(double peak, int warmupSteps, int totalSteps) {

    public LinearWarmupDecay {
        if (totalSteps <= 0) {
            throw new IllegalArgumentException("total steps must be positive, got " + totalSteps);
        }
        if (warmupSteps < 0 || warmupSteps > totalSteps) {
            throw new IllegalArgumentException("warm-up steps must lie in [0, " + totalSteps + "], got " + warmupSteps);
        }
    }

    /** Warm-up of {@code floor(fraction * totalSteps)} steps, as the paper's code computes it. */
    public static LinearWarmupDecay withWarmupFraction(double peak, int totalSteps, double fraction) {
        return new LinearWarmupDecay(peak, (int) Math.floor(fraction * totalSteps), totalSteps);
    }

    /** The rate for 0-based step {@code step} (the scheduler is stepped after each optimiser step). */
    public double rate(int step) {
        if (step < warmupSteps) {
            return peak * step / Math.max(1, warmupSteps);
        }
        return peak * Math.max(0.0, (double) (totalSteps - step) / Math.max(1, totalSteps - warmupSteps));
    }
}
