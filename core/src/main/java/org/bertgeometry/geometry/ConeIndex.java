package org.bertgeometry.geometry;

/**
 * The cone index of a set of vectors (docs/methods.md, "Cone index"): the length of the sum of the
 * vectors. The paper writes {@code I_cone([l]) = ||sum_{x in [l]} x||} without showing a
 * normalisation ({@link Variant#RAW}); the reference implementation divides every vector by its
 * length first ({@link Variant#UNIT}, the default), which makes the index a count in {@code [0, n]}:
 * {@code n} when all vectors point the same way, about {@code sqrt(n)} for random directions, 0 for
 * balanced ones. Dividing by n (the mean resultant length of directional statistics) is the
 * project's own normalisation, reported next to it as {@code normalized}.
 *
 * <p>Used on token vectors of a layer, on attention rows and on CLS vectors per class; all three are
 * just the rows of a matrix here. Zero vectors have no direction: by default they are left out and
 * counted ({@link ZeroVectors#SKIP}), or the whole result is NaN ({@link ZeroVectors#NAN}); the
 * reference implementation divided by zero.
 */
public final class ConeIndex {

    private ConeIndex() {
    }

    /** Whether each vector is divided by its length before summing. */
    public enum Variant {
        /** Unit-normalise each vector first: the reference implementation (default). */
        UNIT,
        /** Sum the vectors as they are: the paper's formula as far as it is known. */
        RAW
    }

    /** What to do with all-zero vectors (they have no direction). */
    public enum ZeroVectors {
        /** Leave them out of the sum and of n, and report how many there were (default). */
        SKIP,
        /** Return NaN for the index if any vector is zero. */
        NAN
    }

    /**
     * @param variant     unit-normalise first ({@link Variant#UNIT}, default) or not
     * @param zeroVectors zero-vector policy, default {@link ZeroVectors#SKIP}
     */
    public record Params(Variant variant, ZeroVectors zeroVectors) {
        public static Params defaults() {
            return new Params(Variant.UNIT, ZeroVectors.SKIP);
        }
    }

    /**
     * @param index      the cone index {@code ||sum z_i||} (unit-normalised rows for UNIT)
     * @param normalized {@code index / n} (project's normalisation; for UNIT in {@code [0,1]})
     * @param n          number of vectors that entered the sum
     * @param zeroRows   number of all-zero vectors (skipped under SKIP)
     */
    public record Result(double index, double normalized, int n, int zeroRows) {
    }

    /** The cone index of the rows of {@code z} with the default parameters. */
    public static Result of(double[][] z) {
        return of(z, Params.defaults());
    }

    /**
     * The cone index of the rows of {@code z}. Cost O(n d).
     *
     * @throws IllegalArgumentException for an empty, ragged or non-finite matrix
     */
    public static Result of(double[][] z, Params params) {
        int d = MatrixChecks.requireRectangular(z, "vectors");
        double[] sum = new double[d];
        int used = 0;
        int zeros = 0;
        for (double[] row : z) {
            double norm = 0;
            for (double v : row) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                zeros++;
                continue;
            }
            double scale = params.variant() == Variant.UNIT ? 1.0 / norm : 1.0;
            for (int j = 0; j < d; j++) {
                sum[j] += row[j] * scale;
            }
            used++;
        }
        if (zeros > 0 && params.zeroVectors() == ZeroVectors.NAN) {
            return new Result(Double.NaN, Double.NaN, z.length, zeros);
        }
        double s = 0;
        for (double v : sum) {
            s += v * v;
        }
        double index = Math.sqrt(s);
        return new Result(index, used == 0 ? Double.NaN : index / used, used, zeros);
    }

    /** Float input (for example attention rows), computed in double. */
    public static Result of(float[][] z, Params params) {
        MatrixChecks.requireRectangular(z, "vectors");
        return of(MatrixChecks.toDouble(z), params);
    }
}
