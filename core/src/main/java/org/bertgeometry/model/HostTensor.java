package org.bertgeometry.model;

import java.util.Arrays;

/**
 * A dense float32 tensor held in Java memory, row-major, with an explicit shape. It is the common
 * currency of the weight formats (safetensors, ONNX, TensorFlow checkpoints) and the in-memory model:
 * importers produce it, the forward pass copies it into DJL arrays once. Kept deliberately plain so
 * that format code and tests never need native code.
 *
 * @param shape dimensions, outermost first; every entry is positive ({@code []} is a scalar)
 * @param data  the values in row-major order; {@code data.length} equals the product of the shape
 */
public record HostTensor(int[] shape, float[] data) {

    public HostTensor {
        shape = shape.clone();
        long n = 1;
        for (int d : shape) {
            if (d <= 0) {
                throw new IllegalArgumentException("tensor dimension must be positive, got shape "
                        + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n
                    + " values but " + data.length + " were given");
        }
    }

    /** A tensor of zeros. */
    public static HostTensor zeros(int... shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("tensor too large for one Java array: "
                    + Arrays.toString(shape));
        }
        return new HostTensor(shape, new float[(int) n]);
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** The number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** Size of dimension {@code i}. */
    public int dim(int i) {
        return shape[i];
    }

    /** Number of elements. */
    public int size() {
        return data.length;
    }

    /** Whether the shape equals {@code expected}. */
    public boolean hasShape(int... expected) {
        return Arrays.equals(shape, expected);
    }

    /** A copy of this 2-D tensor transposed, {@code (r, c) -> (c, r)}. */
    public HostTensor transpose2d() {
        if (shape.length != 2) {
            throw new IllegalStateException("transpose2d needs a 2-D tensor, shape is "
                    + Arrays.toString(shape));
        }
        int r = shape[0];
        int c = shape[1];
        float[] out = new float[data.length];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                out[j * r + i] = data[i * c + j];
            }
        }
        return new HostTensor(new int[] {c, r}, out);
    }

    /** Human-readable shape such as {@code [384, 1536]} for error messages. */
    public String shapeString() {
        return Arrays.toString(shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostTensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "HostTensor" + shapeString();
    }
}
