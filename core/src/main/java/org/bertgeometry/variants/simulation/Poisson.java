package org.bertgeometry.variants.simulation;

import java.util.SplittableRandom;

/**
 * Poisson-distributed counts from a seeded {@link SplittableRandom}, for the simulator's and the
 * training augmentation's artefact counts (N runs, private substitutions), so that both stay
 * reproducible from their seeds.
 */
public final class Poisson {

    private Poisson() {
    }

    /** Knuth's Poisson sampler for small means; a rounded normal approximation above mean 30. */
    public static int draw(double mean, SplittableRandom rng) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            // exp(-mean) underflows for large means; the normal approximation is accurate there.
            double u1 = 1 - rng.nextDouble();
            double u2 = rng.nextDouble();
            double z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
        }
        double limit = Math.exp(-mean);
        double p = rng.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= rng.nextDouble();
            k++;
        }
        return k;
    }
}
