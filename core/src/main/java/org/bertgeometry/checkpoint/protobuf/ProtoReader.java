package org.bertgeometry.checkpoint.protobuf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A minimal reader of the protocol-buffer wire format (varints, fixed 32/64-bit values and
 * length-delimited fields) over a {@link ByteBuffer}. ONNX models and TensorFlow tensor bundles are
 * both protobuf messages; we need only a handful of their fields, so a few dozen lines of wire-format
 * walking replace a generated-code dependency. Length-delimited fields are returned as slices that
 * share the underlying buffer, so a 90 MB {@code raw_data} field is never copied just to be skipped.
 *
 * <p>Usage: {@code while (r.next()) switch (r.field()) { case 1 -> ...; default -> r.skip(); }}.
 * Every read checks bounds and throws {@link MalformedProtobufException} rather than reading garbage.
 */
public final class ProtoReader {

    /** Wire type of varint fields (int32, int64, uint64, bool, enum). */
    public static final int VARINT = 0;
    /** Wire type of fixed 64-bit fields (fixed64, double). */
    public static final int FIXED64 = 1;
    /** Wire type of length-delimited fields (string, bytes, messages, packed repeated). */
    public static final int LENGTH_DELIMITED = 2;
    /** Wire type of fixed 32-bit fields (fixed32, float). */
    public static final int FIXED32 = 5;

    private final ByteBuffer buf;
    private int field;
    private int wireType;

    /** A reader over the remaining bytes of {@code buffer} (its position and limit are not changed). */
    public ProtoReader(ByteBuffer buffer) {
        this.buf = buffer.slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Advances to the next field; {@code false} at the end of the message. */
    public boolean next() {
        if (!buf.hasRemaining()) {
            return false;
        }
        long tag = readVarintRaw();
        if (tag > Integer.MAX_VALUE) {
            throw new MalformedProtobufException("field tag " + tag + " out of range");
        }
        field = (int) (tag >>> 3);
        wireType = (int) (tag & 7);
        if (field == 0) {
            throw new MalformedProtobufException("field number 0 at byte " + (buf.position()));
        }
        return true;
    }

    /** Field number of the current field. */
    public int field() {
        return field;
    }

    /** Wire type of the current field. */
    public int wireType() {
        return wireType;
    }

    /** The current field as a varint (int32/int64/uint64/enum/bool). */
    public long varint() {
        expect(VARINT);
        return readVarintRaw();
    }

    /** The current field as a fixed 32-bit value. */
    public int fixed32() {
        expect(FIXED32);
        need(4);
        return buf.getInt();
    }

    /** The current field as a fixed 64-bit value. */
    public long fixed64() {
        expect(FIXED64);
        need(8);
        return buf.getLong();
    }

    /** The current length-delimited field as a little-endian slice sharing this reader's bytes. */
    public ByteBuffer bytes() {
        expect(LENGTH_DELIMITED);
        long len = readVarintRaw();
        if (len < 0 || len > buf.remaining()) {
            throw new MalformedProtobufException("field " + field + " declares " + len
                    + " bytes but only " + buf.remaining() + " remain");
        }
        ByteBuffer slice = buf.slice().order(ByteOrder.LITTLE_ENDIAN);
        slice.limit((int) len);
        buf.position(buf.position() + (int) len);
        return slice;
    }

    /** The current length-delimited field decoded as UTF-8. */
    public String string() {
        ByteBuffer b = bytes();
        byte[] a = new byte[b.remaining()];
        b.get(a);
        return new String(a, StandardCharsets.UTF_8);
    }

    /** A reader over the current embedded-message field. */
    public ProtoReader message() {
        return new ProtoReader(bytes());
    }

    /**
     * Appends the current field's integer values to {@code sink}: repeated varint fields may be
     * written one per tag or packed into one length-delimited field, and readers must accept both.
     */
    public void varints(LongSink sink) {
        if (wireType == LENGTH_DELIMITED) {
            ByteBuffer b = bytes();
            ProtoReader packed = new ProtoReader(b);
            while (packed.buf.hasRemaining()) {
                sink.accept(packed.readVarintRaw());
            }
        } else {
            sink.accept(varint());
        }
    }

    /** Skips the current field. */
    public void skip() {
        switch (wireType) {
            case VARINT -> readVarintRaw();
            case FIXED64 -> advance(8);
            case LENGTH_DELIMITED -> bytes();
            case FIXED32 -> advance(4);
            default -> throw new MalformedProtobufException("unsupported wire type " + wireType
                    + " for field " + field);
        }
    }

    /** Receiver of integer values from {@link #varints}. */
    @FunctionalInterface
    public interface LongSink {
        void accept(long value);
    }

    private void expect(int type) {
        if (wireType != type) {
            throw new MalformedProtobufException("field " + field + " has wire type " + wireType
                    + ", expected " + type);
        }
    }

    private void need(int n) {
        if (buf.remaining() < n) {
            throw new MalformedProtobufException("message ends inside field " + field);
        }
    }

    private void advance(int n) {
        need(n);
        buf.position(buf.position() + n);
    }

    private long readVarintRaw() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (!buf.hasRemaining()) {
                throw new MalformedProtobufException("message ends inside a varint");
            }
            byte b = buf.get();
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new MalformedProtobufException("varint longer than 10 bytes");
    }
}
