package org.bertgeometry.checkpoint.tensorflow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;
import org.bertgeometry.checkpoint.protobuf.ProtoWriter;
import org.bertgeometry.model.HostTensor;

/**
 * Test helper: writes a TensorFlow V2 checkpoint ({@code prefix.index} + {@code prefix.data-00000-of-00001})
 * from the public format descriptions, independently of the reader: LevelDB's {@code table_format.md}
 * (prefix-compressed entries with restart points, block trailer with compression type and masked
 * CRC-32C, index block of block handles, 48-byte footer with the magic number) and TensorFlow's
 * {@code tensor_bundle.proto} (header under the empty key, one {@code BundleEntryProto} per variable,
 * masked CRC-32C of the tensor bytes). A small block size and restart interval force several data
 * blocks and restarts even for a tiny model. Float tensors are written as DT_FLOAT, {@code long[]}
 * values as DT_INT64.
 */
public final class GoogleCheckpointWriter {

    private final int blockSize;
    private final int restartInterval;
    private int compressionType;

    /** A writer producing data blocks of about {@code blockSize} bytes, restarting every {@code restartInterval} keys. */
    public GoogleCheckpointWriter(int blockSize, int restartInterval) {
        this.blockSize = blockSize;
        this.restartInterval = restartInterval;
    }

    /**
     * Sets the block compression type byte: 1 stores each block as Snappy (literal elements only,
     * which the Snappy format allows); any other value is written as is, with the block uncompressed,
     * for hostile tests.
     */
    public GoogleCheckpointWriter withCompressionTypeByte(int type) {
        this.compressionType = type;
        return this;
    }

    /** A valid Snappy encoding of {@code raw} using only literals (tags 00, lengths up to 65536). */
    static byte[] snappyLiterals(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        varint(out, raw.length);
        for (int off = 0; off < raw.length; off += 65536) {
            int len = Math.min(65536, raw.length - off);
            int m = len - 1;
            if (m < 60) {
                out.write(m << 2);
            } else if (m < 256) {
                out.write(60 << 2);
                out.write(m);
            } else {
                out.write(61 << 2);
                out.write(m & 0xff);
                out.write(m >>> 8);
            }
            out.write(raw, off, len);
        }
        return out.toByteArray();
    }

    /** LevelDB's CRC mask: rotate right 15 bits, add 0xa282ead8. */
    static int mask(int crc) {
        return ((crc >>> 15) | (crc << 17)) + 0xa282ead8;
    }

    static int crc32c(byte[] b, int off, int len) {
        CRC32C c = new CRC32C();
        c.update(b, off, len);
        return (int) c.getValue();
    }

    /** Writes {@code floats} (DT_FLOAT) and {@code int64s} (DT_INT64 scalars) under checkpoint prefix {@code prefix}. */
    public void write(Path prefix, Map<String, HostTensor> floats, Map<String, Long> int64s) throws IOException {
        TreeMap<String, byte[]> entries = new TreeMap<>();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        TreeMap<String, Object> all = new TreeMap<>();
        all.putAll(floats);
        all.putAll(int64s);
        for (Map.Entry<String, Object> e : all.entrySet()) {
            byte[] bytes;
            ProtoWriter shape = new ProtoWriter();
            int dtype;
            if (e.getValue() instanceof HostTensor t) {
                ByteBuffer b = ByteBuffer.allocate(4 * t.size()).order(ByteOrder.LITTLE_ENDIAN);
                for (float f : t.data()) {
                    b.putFloat(f);
                }
                bytes = b.array();
                for (int d : t.shape()) {
                    shape.message(2, new ProtoWriter().varint(1, d));
                }
                dtype = 1;
            } else {
                bytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong((Long) e.getValue()).array();
                dtype = 9;
            }
            ProtoWriter entry = new ProtoWriter().varint(1, dtype).message(2, shape);
            if (data.size() > 0) {
                entry.varint(4, data.size());
            }
            entry.varint(5, bytes.length).fixed32(6, mask(crc32c(bytes, 0, bytes.length)));
            data.writeBytes(bytes);
            entries.put(e.getKey(), entry.toByteArray());
        }
        entries.put("", new ProtoWriter().varint(1, 1).message(3, new ProtoWriter().varint(1, 1)).toByteArray());
        Files.write(prefix.resolveSibling(prefix.getFileName() + ".data-00000-of-00001"), data.toByteArray());
        Files.write(prefix.resolveSibling(prefix.getFileName() + ".index"), table(entries));
    }

    private byte[] table(TreeMap<String, byte[]> entries) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        TreeMap<String, byte[]> index = new TreeMap<>();
        BlockBuilder block = new BlockBuilder(restartInterval);
        String lastKey = null;
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            block.add(e.getKey(), e.getValue());
            lastKey = e.getKey();
            if (block.size() >= blockSize) {
                index.put(lastKey, writeBlock(file, block.finish()));
                block = new BlockBuilder(restartInterval);
            }
        }
        if (!block.isEmpty()) {
            index.put(lastKey, writeBlock(file, block.finish()));
        }
        byte[] metaHandle = writeBlock(file, new BlockBuilder(restartInterval).finish());
        BlockBuilder indexBlock = new BlockBuilder(1);
        index.forEach(indexBlock::add);
        byte[] indexHandle = writeBlock(file, indexBlock.finish());
        ByteBuffer footer = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
        footer.put(metaHandle).put(indexHandle);
        footer.position(40);
        footer.putLong(0xdb4775248b80fb57L);
        file.writeBytes(footer.array());
        return file.toByteArray();
    }

    /** Appends block + trailer; returns the encoded block handle. */
    private byte[] writeBlock(ByteArrayOutputStream file, byte[] rawContents) {
        int offset = file.size();
        byte[] contents = compressionType == 1 ? snappyLiterals(rawContents) : rawContents;
        byte[] withType = new byte[contents.length + 1];
        System.arraycopy(contents, 0, withType, 0, contents.length);
        withType[contents.length] = (byte) compressionType;
        file.writeBytes(withType);
        int crc = mask(crc32c(withType, 0, withType.length));
        file.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(crc).array());
        ByteArrayOutputStream handle = new ByteArrayOutputStream();
        varint(handle, offset);
        varint(handle, contents.length);
        return handle.toByteArray();
    }

    static void varint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7fL) != 0) {
            out.write((int) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    /** LevelDB block builder: shared-prefix compression, a restart point every {@code interval} keys. */
    private static final class BlockBuilder {
        private final int interval;
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        private final java.util.List<Integer> restarts = new java.util.ArrayList<>();
        private byte[] last = new byte[0];
        private int counter;

        BlockBuilder(int interval) {
            this.interval = interval;
            restarts.add(0);
        }

        void add(String key, byte[] value) {
            byte[] k = key.getBytes(StandardCharsets.UTF_8);
            int shared = 0;
            if (counter < interval) {
                while (shared < Math.min(last.length, k.length) && last[shared] == k[shared]) {
                    shared++;
                }
            } else {
                restarts.add(buf.size());
                counter = 0;
            }
            varint(buf, shared);
            varint(buf, k.length - shared);
            varint(buf, value.length);
            buf.write(k, shared, k.length - shared);
            buf.writeBytes(value);
            last = k;
            counter++;
        }

        int size() {
            return buf.size();
        }

        boolean isEmpty() {
            return buf.size() == 0;
        }

        byte[] finish() {
            ByteBuffer r = ByteBuffer.allocate(4 * restarts.size() + 4).order(ByteOrder.LITTLE_ENDIAN);
            restarts.forEach(r::putInt);
            r.putInt(restarts.size());
            buf.writeBytes(r.array());
            return buf.toByteArray();
        }
    }
}
