package org.bertgeometry.capture;

import java.util.Arrays;

/**
 * One captured activation of one sample, copied to Java memory: row-major {@code data} with its
 * {@code shape}, cropped to the sample's real tokens. For per-head points the first axis runs over
 * {@code heads} (the selected head numbers, ascending); for other points {@code heads} is empty.
 *
 * @param shape dimensions, e.g. {@code [heads, T, T]} for attention probabilities
 * @param data  values, row-major
 * @param heads model head numbers along the first axis, or empty
 */
public record CapturedTensor(int[] shape, float[] data, int[] heads) {

    public CapturedTensor {
        shape = shape.clone();
        heads = heads.clone();
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " values, got "
                    + data.length);
        }
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public int[] heads() {
        return heads.clone();
    }

    /** Whether this tensor has a head axis. */
    public boolean perHead() {
        return heads.length > 0;
    }

    /**
     * The {@code (rows, cols)} matrix of model head {@code head} of a per-head tensor, as a fresh array.
     *
     * @throws IllegalArgumentException when the head was not captured
     */
    public float[][] headMatrix(int head) {
        if (!perHead() || shape.length != 3) {
            throw new IllegalStateException("not a per-head tensor, shape " + Arrays.toString(shape));
        }
        int k = -1;
        for (int i = 0; i < heads.length; i++) {
            if (heads[i] == head) {
                k = i;
            }
        }
        if (k < 0) {
            throw new IllegalArgumentException("head " + head + " was not captured; captured heads "
                    + Arrays.toString(heads));
        }
        int r = shape[1];
        int c = shape[2];
        float[][] m = new float[r][c];
        for (int i = 0; i < r; i++) {
            System.arraycopy(data, (k * r + i) * c, m[i], 0, c);
        }
        return m;
    }
}
