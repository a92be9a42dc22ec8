package org.bertgeometry.capture;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * An array of sums whose value does not depend on the order in which terms are added or partial sums
 * merged: each sum is a 128-bit two's-complement fixed-point number with 64 fraction bits (a signed
 * integer part in one {@code long}, the fraction in another). Adding a double is exact down to
 * 2<sup>-64</sup> (about 5.4e-20; smaller parts of a term are cut off, always the same way) and integer
 * addition is associative, so the sums of a data set split into any parts and merged in any order are
 * bit-identical to one pass. A plain double sum is not: its rounding depends on the order.
 *
 * <p>Range: |sum| &lt; 2<sup>63</sup>. Cost: 16 bytes per entry (a double sum needs 8) and a few
 * integer operations per addition. {@link #get} rounds the exact value to the nearest double or a
 * neighbour of it (two roundings).
 */
public final class ExactSums {

    private static final double TWO_POW_MINUS_64 = 0x1p-64;

    private final long[] whole;
    private final long[] fraction;

    /** {@code size} sums, all zero. */
    public ExactSums(int size) {
        this.whole = new long[size];
        this.fraction = new long[size];
    }

    /** Number of sums. */
    public int size() {
        return whole.length;
    }

    /**
     * Adds {@code v} to sum {@code i}.
     *
     * @throws IllegalArgumentException when {@code v} is not finite or |v| &gt;= 2<sup>62</sup>
     */
    public void add(int i, double v) {
        if (v == 0) {
            return;
        }
        long bits = Double.doubleToRawLongBits(v);
        int exponent = (int) ((bits >>> 52) & 0x7ff);
        if (exponent == 0x7ff || Math.abs(v) >= 0x1p62) {
            throw new IllegalArgumentException("cannot add " + v + " to an exact sum (finite, |v| < 2^62)");
        }
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) {
            exponent = 1;                      // subnormal: no implicit bit
        } else {
            mantissa |= 1L << 52;
        }
        // v = mantissa * 2^(exponent - 1075), so v * 2^64 = mantissa * 2^shift
        int shift = exponent - 1075 + 64;
        long hi;
        long lo;
        if (shift >= 64) {
            hi = mantissa << (shift - 64);
            lo = 0;
        } else if (shift > 0) {
            hi = mantissa >>> (64 - shift);
            lo = mantissa << shift;
        } else if (shift > -64) {
            hi = 0;
            lo = mantissa >>> -shift;
        } else {
            return;                            // below 2^-64: cut off
        }
        if (bits < 0) {                        // two's complement negation of (hi, lo)
            lo = -lo;
            hi = lo == 0 ? -hi : ~hi;
        }
        addRaw(i, hi, lo);
    }

    private void addRaw(int i, long hi, long lo) {
        long sum = fraction[i] + lo;
        long carry = Long.compareUnsigned(sum, lo) < 0 ? 1 : 0;
        fraction[i] = sum;
        whole[i] += hi + carry;
    }

    /** Adds every sum of {@code other} (same size) to this one's; exact, so order does not matter. */
    public void addAll(ExactSums other) {
        if (other.size() != size()) {
            throw new IllegalArgumentException("cannot merge " + other.size() + " sums into " + size());
        }
        for (int i = 0; i < whole.length; i++) {
            addRaw(i, other.whole[i], other.fraction[i]);
        }
    }

    /** Sum {@code i} as a double. */
    public double get(int i) {
        long hi = whole[i];
        long lo = fraction[i];
        boolean negative = hi < 0;
        if (negative) {
            lo = -lo;
            hi = lo == 0 ? -hi : ~hi;
        }
        double frac = (lo >= 0 ? (double) lo : ((double) (lo >>> 1)) * 2.0) * TWO_POW_MINUS_64;
        double value = hi + frac;
        return negative ? -value : value;
    }

    /** A copy. */
    public ExactSums copy() {
        ExactSums c = new ExactSums(size());
        System.arraycopy(whole, 0, c.whole, 0, size());
        System.arraycopy(fraction, 0, c.fraction, 0, size());
        return c;
    }

    /** Writes the sums; zero entries cost one byte each, so mostly empty maps stay small. */
    public void write(DataOutput out) throws IOException {
        out.writeInt(size());
        for (int i = 0; i < whole.length; i++) {
            boolean zero = whole[i] == 0 && fraction[i] == 0;
            out.writeBoolean(!zero);
            if (!zero) {
                out.writeLong(whole[i]);
                out.writeLong(fraction[i]);
            }
        }
    }

    /** Reads what {@link #write} wrote. */
    public static ExactSums read(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("corrupt snapshot: negative sum count " + n);
        }
        ExactSums s = new ExactSums(n);
        for (int i = 0; i < n; i++) {
            if (in.readBoolean()) {
                s.whole[i] = in.readLong();
                s.fraction[i] = in.readLong();
            }
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExactSums s && Arrays.equals(whole, s.whole) && Arrays.equals(fraction, s.fraction);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(whole) + Arrays.hashCode(fraction);
    }
}
