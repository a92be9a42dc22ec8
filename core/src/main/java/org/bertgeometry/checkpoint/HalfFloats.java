package org.bertgeometry.checkpoint;


/**
 * Exact widening of the two 16-bit float formats found in model files to float32: IEEE 754
 * binary16 ({@code F16}, ONNX {@code FLOAT16}, TF {@code DT_HALF}) and bfloat16 ({@code BF16},
 * the upper half of a float32). Every 16-bit value is representable in float32, so no rounding
 * happens; Java 17 has no built-in conversion ({@code Float.float16ToFloat} arrived in Java 20).
 */
public final class HalfFloats {

    private HalfFloats() {
    }

    /** The float32 value of IEEE binary16 bits {@code h}. */
    public static float halfToFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0x1f) {
            // infinity or NaN: keep the payload bits
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            if (mant == 0) {
                return Float.intBitsToFloat(sign);
            }
            // subnormal half: value = mant * 2^-24, exact in float32
            float v = mant * 0x1p-24f;
            return sign != 0 ? -v : v;
        }
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
    }

    /** The float32 value of bfloat16 bits {@code b} (the high 16 bits of a float32). */
    public static float bfloat16ToFloat(short b) {
        return Float.intBitsToFloat((b & 0xffff) << 16);
    }
}
