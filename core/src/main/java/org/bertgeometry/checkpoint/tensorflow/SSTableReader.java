package org.bertgeometry.checkpoint.tensorflow;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Reads every entry of an immutable sorted table in the LevelDB table format, which TensorFlow uses
 * for the {@code .index} file of a checkpoint. Layout (from LevelDB's {@code table_format.md}): data
 * blocks, an index block whose values are handles ({@code varint64 offset, varint64 size}) of the data
 * blocks, and a 48-byte footer with the metaindex and index handles and the magic number
 * {@code 0xdb4775248b80fb57}. A block is a run of prefix-compressed entries ({@code varint32 shared,
 * varint32 unshared, varint32 value length, key suffix, value}) followed by restart offsets and their
 * count; after each block come a compression-type byte (0 none, 1 Snappy, see {@link SnappyDecoder})
 * and a masked CRC-32C of the stored block plus type byte.
 * Index files are small (kilobytes), so the table is read whole and every checksum is verified.
 */
public final class SSTableReader {

    /** Magic number at the end of every table. */
    public static final long TABLE_MAGIC = 0xdb4775248b80fb57L;
    /** Size of the footer: two padded block handles (40 bytes) and the magic (8). */
    public static final int FOOTER_SIZE = 48;
    /** LevelDB's CRC mask constant. */
    private static final int MASK_DELTA = 0xa282ead8;

    private SSTableReader() {
    }

    /**
     * All entries of {@code table}, key to value, in key order.
     *
     * @throws IllegalArgumentException describing the first inconsistency (bad magic, checksum
     *                                  mismatch, block out of range, unknown compression)
     */
    public static Map<String, ByteBuffer> readAll(ByteBuffer table) {
        ByteBuffer t = table.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int size = t.remaining();
        if (size < FOOTER_SIZE) {
            throw new IllegalArgumentException("index file is " + size + " bytes, shorter than the 48-byte"
                    + " table footer; it is truncated");
        }
        long magic = t.getLong(t.position() + size - 8);
        if (magic != TABLE_MAGIC) {
            throw new IllegalArgumentException("no table magic number at the end of the index file (found 0x"
                    + Long.toHexString(magic) + "); it is truncated or not a TensorFlow checkpoint index");
        }
        ByteBuffer footer = slice(t, size - FOOTER_SIZE, FOOTER_SIZE);
        readVarint(footer); // metaindex offset: unused (TensorFlow writes no filters)
        readVarint(footer); // metaindex size
        long indexOffset = readVarint(footer);
        long indexSize = readVarint(footer);
        ByteBuffer index = block(t, indexOffset, indexSize, "index block");
        Map<String, ByteBuffer> out = new LinkedHashMap<>();
        String previousKey = null;
        for (Map.Entry<String, ByteBuffer> handle : entries(index, "index block").entrySet()) {
            ByteBuffer h = handle.getValue();
            long off = readVarint(h);
            long len = readVarint(h);
            ByteBuffer data = block(t, off, len, "data block at " + off);
            for (Map.Entry<String, ByteBuffer> e : entries(data, "data block at " + off).entrySet()) {
                if (previousKey != null && previousKey.compareTo(e.getKey()) >= 0) {
                    throw new IllegalArgumentException("keys out of order: '" + previousKey + "' before '"
                            + e.getKey() + "'");
                }
                previousKey = e.getKey();
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** LevelDB's masking of a CRC-32C (rotate right by 15 bits, add a constant). */
    public static int mask(int crc) {
        return ((crc >>> 15) | (crc << 17)) + MASK_DELTA;
    }

    /** CRC-32C (Castagnoli) of the remaining bytes of {@code b}. */
    public static int crc32c(ByteBuffer b) {
        CRC32C c = new CRC32C();
        c.update(b.duplicate());
        return (int) c.getValue();
    }

    private static ByteBuffer block(ByteBuffer t, long offset, long size, String what) {
        int total = t.remaining();
        if (offset < 0 || size < 0 || offset + size + 5 > total) {
            throw new IllegalArgumentException(what + " (offset " + offset + ", size " + size
                    + ") lies outside the " + total + "-byte file; it is truncated");
        }
        ByteBuffer contents = slice(t, (int) offset, (int) size);
        int type = t.get(t.position() + (int) (offset + size)) & 0xff;
        int storedCrc = t.getInt(t.position() + (int) (offset + size + 1));
        ByteBuffer withType = slice(t, (int) offset, (int) size + 1);
        int actual = mask(crc32c(withType));
        if (actual != storedCrc) {
            throw new IllegalArgumentException(what + " fails its CRC-32C check; the file is corrupt");
        }
        if (type == 1) {
            return ByteBuffer.wrap(SnappyDecoder.decompress(contents)).order(ByteOrder.LITTLE_ENDIAN);
        }
        if (type != 0) {
            throw new IllegalArgumentException(what + " has unknown compression type " + type);
        }
        return contents;
    }

    private static Map<String, ByteBuffer> entries(ByteBuffer block, String what) {
        int n = block.remaining();
        if (n < 4) {
            throw new IllegalArgumentException(what + " is too short for its restart count");
        }
        int numRestarts = block.getInt(block.position() + n - 4);
        long restartBytes = 4L * numRestarts + 4;
        if (numRestarts < 0 || restartBytes > n) {
            throw new IllegalArgumentException(what + " declares " + numRestarts + " restart points, more than fit");
        }
        int end = (int) (n - restartBytes);
        ByteBuffer b = slice(block, 0, end);
        Map<String, ByteBuffer> out = new LinkedHashMap<>();
        byte[] key = new byte[0];
        while (b.hasRemaining()) {
            long shared = readVarint(b);
            long unshared = readVarint(b);
            long valueLen = readVarint(b);
            if (shared > key.length || unshared > b.remaining() || valueLen > b.remaining() - unshared) {
                throw new IllegalArgumentException(what + " has an entry that runs past its end");
            }
            byte[] next = new byte[(int) (shared + unshared)];
            System.arraycopy(key, 0, next, 0, (int) shared);
            b.get(next, (int) shared, (int) unshared);
            key = next;
            ByteBuffer value = slice(b, 0, (int) valueLen);
            b.position(b.position() + (int) valueLen);
            out.put(new String(key, StandardCharsets.UTF_8), value);
        }
        return out;
    }

    private static ByteBuffer slice(ByteBuffer b, int offset, int length) {
        ByteBuffer d = b.duplicate();
        d.position(b.position() + offset);
        ByteBuffer s = d.slice();
        s.limit(length);
        return s.order(ByteOrder.LITTLE_ENDIAN);
    }

    static long readVarint(ByteBuffer b) {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (!b.hasRemaining()) {
                throw new IllegalArgumentException("table ends inside a varint");
            }
            int x = b.get() & 0xff;
            result |= (long) (x & 0x7f) << shift;
            if (x < 0x80) {
                return result;
            }
        }
        throw new IllegalArgumentException("varint longer than 10 bytes in the table");
    }
}
