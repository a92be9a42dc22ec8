package org.bertgeometry.checkpoint.tensorflow;

import java.nio.ByteBuffer;

/**
 * Decompresses a raw Snappy block (Google's {@code format_description.txt}): a varint with the
 * uncompressed length, then elements whose tag byte's low two bits say literal (00) or back-reference
 * copy with a 1-, 2- or 4-byte offset (01, 10, 11). LevelDB tables may store blocks this way, so
 * checkpoint indexes written with compression on can still be read. Every length and offset is
 * bounds-checked; a malformed block fails instead of reading outside its buffers.
 */
public final class SnappyDecoder {

    /** Largest block we accept; index blocks are kilobytes. */
    private static final int MAX_OUTPUT = 64 * 1024 * 1024;

    private SnappyDecoder() {
    }

    /** The uncompressed bytes of {@code compressed}'s remaining bytes. */
    public static byte[] decompress(ByteBuffer compressed) {
        ByteBuffer in = compressed.duplicate();
        long declared = SSTableReader.readVarint(in);
        if (declared < 0 || declared > MAX_OUTPUT) {
            throw new IllegalArgumentException("Snappy block declares " + declared + " bytes");
        }
        byte[] out = new byte[(int) declared];
        int pos = 0;
        while (in.hasRemaining()) {
            int tag = in.get() & 0xff;
            int kind = tag & 3;
            if (kind == 0) {
                int len = tag >>> 2;
                if (len >= 60) {
                    int extra = len - 59;
                    need(in, extra);
                    len = 0;
                    for (int i = 0; i < extra; i++) {
                        len |= (in.get() & 0xff) << (8 * i);
                    }
                }
                long n = (len & 0xffffffffL) + 1;
                if (n > in.remaining() || pos + n > out.length) {
                    throw new IllegalArgumentException("Snappy literal runs past the end");
                }
                in.get(out, pos, (int) n);
                pos += (int) n;
                continue;
            }
            int len;
            long offset;
            if (kind == 1) {
                need(in, 1);
                len = 4 + ((tag >>> 2) & 7);
                offset = ((long) (tag >>> 5) << 8) | (in.get() & 0xff);
            } else if (kind == 2) {
                need(in, 2);
                len = (tag >>> 2) + 1;
                offset = (in.get() & 0xff) | ((in.get() & 0xff) << 8);
            } else {
                need(in, 4);
                len = (tag >>> 2) + 1;
                offset = 0;
                for (int i = 0; i < 4; i++) {
                    offset |= (long) (in.get() & 0xff) << (8 * i);
                }
            }
            if (offset <= 0 || offset > pos || pos + len > out.length) {
                throw new IllegalArgumentException("Snappy copy (offset " + offset + ", length " + len
                        + ") outside the output");
            }
            // byte by byte: a copy may overlap its own output (run-length style)
            for (int i = 0; i < len; i++) {
                out[pos] = out[pos - (int) offset];
                pos++;
            }
        }
        if (pos != out.length) {
            throw new IllegalArgumentException("Snappy block produced " + pos + " bytes, declared " + out.length);
        }
        return out;
    }

    private static void need(ByteBuffer in, int n) {
        if (in.remaining() < n) {
            throw new IllegalArgumentException("Snappy block ends inside an element");
        }
    }
}
