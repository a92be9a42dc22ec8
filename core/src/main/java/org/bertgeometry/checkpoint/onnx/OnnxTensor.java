package org.bertgeometry.checkpoint.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.bertgeometry.checkpoint.HalfFloats;
import org.bertgeometry.model.HostTensor;

/**
 * One ONNX {@code TensorProto} (an initializer or the value of a {@code Constant} node) as read from
 * the file, before any renaming: its name, element type, dimensions and its payload, which ONNX lets
 * exporters store either as little-endian {@code raw_data} or in typed repeated fields. Converts to
 * {@link HostTensor} (float types) or to integers (shape constants).
 *
 * @param name      the tensor's name ({@code onnx::MatMul_787} for anonymous weights)
 * @param dataType  ONNX {@code TensorProto.DataType} code (1 float, 7 int64, 10 float16, ...)
 * @param dims      dimensions, outermost first
 * @param rawData   the {@code raw_data} bytes (little-endian) or {@code null}
 * @param floatData values of {@code float_data} (also used for float16 bit patterns), or empty
 * @param longData  values of {@code int64_data}/{@code int32_data}, or empty
 * @param doubleData values of {@code double_data}, or empty
 */
public record OnnxTensor(String name, int dataType, long[] dims, ByteBuffer rawData, float[] floatData,
                         long[] longData, double[] doubleData) {

    /** ONNX element type codes used here. */
    static final int FLOAT = 1;
    static final int INT32 = 6;
    static final int INT64 = 7;
    static final int FLOAT16 = 10;
    static final int DOUBLE = 11;
    static final int BFLOAT16 = 16;

    /** Number of elements the dimensions imply. */
    public long elementCount() {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        return n;
    }

    /** Whether the element type is a floating-point type we can widen to float32. */
    public boolean isFloating() {
        return dataType == FLOAT || dataType == FLOAT16 || dataType == BFLOAT16 || dataType == DOUBLE;
    }

    /** The values as float32 (float16/bfloat16 widened exactly, double narrowed). */
    public float[] toFloats() {
        long n = elementCount();
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("tensor " + name + " is too large for one Java array");
        }
        int count = (int) n;
        float[] out = new float[count];
        if (rawData != null) {
            ByteBuffer b = rawData.duplicate().order(ByteOrder.LITTLE_ENDIAN);
            int width = switch (dataType) {
                case FLOAT -> 4;
                case FLOAT16, BFLOAT16 -> 2;
                case DOUBLE -> 8;
                default -> throw new IllegalArgumentException("tensor " + name + " has non-float type "
                        + dataType);
            };
            if ((long) b.remaining() != n * width) {
                throw new IllegalArgumentException("tensor " + name + " has " + b.remaining()
                        + " bytes of raw_data but its shape " + Arrays.toString(dims) + " needs " + n * width);
            }
            for (int i = 0; i < count; i++) {
                out[i] = switch (dataType) {
                    case FLOAT -> b.getFloat();
                    case FLOAT16 -> HalfFloats.halfToFloat(b.getShort());
                    case BFLOAT16 -> HalfFloats.bfloat16ToFloat(b.getShort());
                    default -> (float) b.getDouble();
                };
            }
            return out;
        }
        if (dataType == FLOAT && floatData.length == count) {
            return floatData.clone();
        }
        if (dataType == DOUBLE && doubleData.length == count) {
            for (int i = 0; i < count; i++) {
                out[i] = (float) doubleData[i];
            }
            return out;
        }
        if ((dataType == FLOAT16 || dataType == BFLOAT16) && longData.length == count) {
            // ONNX stores 16-bit floats in int32_data, one bit pattern per element.
            for (int i = 0; i < count; i++) {
                short bits = (short) longData[i];
                out[i] = dataType == FLOAT16 ? HalfFloats.halfToFloat(bits) : HalfFloats.bfloat16ToFloat(bits);
            }
            return out;
        }
        throw new IllegalArgumentException("tensor " + name + " of type " + dataType + " and shape "
                + Arrays.toString(dims) + " has no payload of the right size");
    }

    /** The values as integers (int64/int32 tensors, e.g. shape constants); floats are rounded. */
    public long[] toLongs() {
        int count = (int) elementCount();
        if (rawData != null && (dataType == INT64 || dataType == INT32)) {
            ByteBuffer b = rawData.duplicate().order(ByteOrder.LITTLE_ENDIAN);
            int width = dataType == INT64 ? 8 : 4;
            if (b.remaining() != (long) count * width) {
                throw new IllegalArgumentException("tensor " + name + " raw_data size does not match its shape");
            }
            long[] out = new long[count];
            for (int i = 0; i < count; i++) {
                out[i] = width == 8 ? b.getLong() : b.getInt();
            }
            return out;
        }
        if ((dataType == INT64 || dataType == INT32) && longData.length == count) {
            return longData.clone();
        }
        if (isFloating()) {
            float[] f = toFloats();
            long[] out = new long[f.length];
            for (int i = 0; i < f.length; i++) {
                out[i] = Math.round(f[i]);
            }
            return out;
        }
        throw new IllegalArgumentException("tensor " + name + " of type " + dataType + " is not numeric");
    }

    /** This float tensor as a {@link HostTensor} with the same shape. */
    public HostTensor toHostTensor() {
        int[] shape = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] <= 0 || dims[i] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("tensor " + name + " has dimension " + dims[i]);
            }
            shape[i] = (int) dims[i];
        }
        return new HostTensor(shape, toFloats());
    }
}
