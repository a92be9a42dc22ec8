package org.bertgeometry.checkpoint.tensorflow;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bertgeometry.checkpoint.HalfFloats;
import org.bertgeometry.checkpoint.ModelFormatException;
import org.bertgeometry.checkpoint.protobuf.MalformedProtobufException;
import org.bertgeometry.checkpoint.protobuf.ProtoReader;
import org.bertgeometry.model.HostTensor;

/**
 * Reads a TensorFlow checkpoint in the tensor-bundle format ({@code tf.train.Saver} V2 and
 * SavedModel {@code variables/}): {@code <prefix>.index} is a LevelDB table whose empty key holds a
 * {@code BundleHeaderProto} (shard count, endianness, version) and whose other keys are variable
 * names with a {@code BundleEntryProto} each (dtype, shape, shard id, offset, size, masked CRC-32C);
 * the bytes lie in {@code <prefix>.data-NNNNN-of-MMMMM}. Float32 is required; half and bfloat16 are
 * widened; partitioned (sliced) variables are refused. Every tensor's checksum is verified.
 */
public final class TensorBundleReader {

    /** TensorFlow {@code DataType} codes used here. */
    static final int DT_FLOAT = 1;
    static final int DT_DOUBLE = 2;
    static final int DT_BFLOAT16 = 14;
    static final int DT_HALF = 19;

    private static final long MAX_INDEX_BYTES = 64L * 1024 * 1024;

    private TensorBundleReader() {
    }

    /** Parsed {@code BundleEntryProto}. */
    private record Entry(int dtype, long[] shape, int shardId, long offset, long size, int crc32c,
                         boolean hasCrc, boolean sliced) {
    }

    /**
     * Reads the checkpoint with file prefix {@code prefix} (for example {@code .../bert_model.ckpt}).
     *
     * @throws ModelFormatException naming the file and problem
     */
    public static TensorBundle read(Path prefix) throws ModelFormatException {
        Path indexFile = prefix.resolveSibling(prefix.getFileName() + ".index");
        Map<String, ByteBuffer> table;
        try {
            long size = Files.size(indexFile);
            if (size > MAX_INDEX_BYTES) {
                throw new ModelFormatException(indexFile, "index file is " + size + " bytes; checkpoint"
                        + " indexes are a few kilobytes, so this is not one");
            }
            table = SSTableReader.readAll(ByteBuffer.wrap(Files.readAllBytes(indexFile)));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(indexFile, e.getMessage(), e);
        } catch (ModelFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFormatException(indexFile, "cannot read: " + e.getMessage(), e);
        }
        ByteBuffer header = table.get("");
        if (header == null) {
            throw new ModelFormatException(indexFile, "no bundle header (empty key); not a TensorFlow V2 checkpoint");
        }
        int numShards;
        try {
            numShards = parseHeader(header);
        } catch (MalformedProtobufException | IllegalArgumentException e) {
            throw new ModelFormatException(indexFile, "bad bundle header: " + e.getMessage(), e);
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Map.Entry<String, ByteBuffer> e : table.entrySet()) {
            if (e.getKey().isEmpty()) {
                continue;
            }
            try {
                entries.put(e.getKey(), parseEntry(e.getValue()));
            } catch (MalformedProtobufException | IllegalArgumentException ex) {
                throw new ModelFormatException(indexFile, "bad entry for '" + e.getKey() + "': " + ex.getMessage(), ex);
            }
        }
        Map<Integer, FileChannel> shards = new HashMap<>();
        List<FileChannel> toClose = new ArrayList<>();
        try {
            Map<String, HostTensor> tensors = new LinkedHashMap<>();
            Map<String, Integer> nonFloat = new LinkedHashMap<>();
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                String name = e.getKey();
                Entry entry = e.getValue();
                if (entry.sliced) {
                    throw new ModelFormatException(indexFile, "variable '" + name + "' is partitioned into"
                            + " slices; partitioned variables are not supported");
                }
                int width = switch (entry.dtype) {
                    case DT_FLOAT -> 4;
                    case DT_DOUBLE -> 8;
                    case DT_HALF, DT_BFLOAT16 -> 2;
                    default -> -1;
                };
                if (width < 0) {
                    nonFloat.put(name, entry.dtype);
                    continue;
                }
                if (entry.shardId < 0 || entry.shardId >= numShards) {
                    throw new ModelFormatException(indexFile, "variable '" + name + "' is in shard "
                            + entry.shardId + " but the header declares " + numShards + " shards");
                }
                Path shardFile = prefix.resolveSibling(String.format(Locale.ROOT, "%s.data-%05d-of-%05d",
                        prefix.getFileName(), entry.shardId, numShards));
                FileChannel ch = shards.get(entry.shardId);
                if (ch == null) {
                    if (!Files.isRegularFile(shardFile)) {
                        throw new ModelFormatException(shardFile, "data shard missing (needed for '" + name + "')");
                    }
                    ch = FileChannel.open(shardFile, StandardOpenOption.READ);
                    toClose.add(ch);
                    shards.put(entry.shardId, ch);
                }
                tensors.put(name, decode(shardFile, ch, name, entry, width));
            }
            return new TensorBundle(tensors, nonFloat);
        } catch (IOException e) {
            if (e instanceof ModelFormatException m) {
                throw m;
            }
            throw new ModelFormatException(prefix, "cannot read checkpoint data: " + e.getMessage(), e);
        } finally {
            for (FileChannel ch : toClose) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // closing a read-only channel cannot lose data
                }
            }
        }
    }

    private static int parseHeader(ByteBuffer header) {
        ProtoReader r = new ProtoReader(header);
        int numShards = 1;
        long endianness = 0;
        while (r.next()) {
            switch (r.field()) {
                case 1 -> numShards = (int) r.varint();
                case 2 -> endianness = r.varint();
                default -> r.skip();
            }
        }
        if (endianness != 0) {
            throw new IllegalArgumentException("the checkpoint was written big-endian; only little-endian"
                    + " checkpoints are supported");
        }
        if (numShards < 1) {
            throw new IllegalArgumentException("num_shards is " + numShards);
        }
        return numShards;
    }

    private static Entry parseEntry(ByteBuffer value) {
        ProtoReader r = new ProtoReader(value);
        int dtype = 0;
        List<Long> dims = new ArrayList<>();
        int shard = 0;
        long offset = 0;
        long size = 0;
        int crc = 0;
        boolean hasCrc = false;
        boolean sliced = false;
        while (r.next()) {
            switch (r.field()) {
                case 1 -> dtype = (int) r.varint();
                case 2 -> {
                    ProtoReader shape = r.message();
                    while (shape.next()) {
                        if (shape.field() == 2) {
                            ProtoReader dim = shape.message();
                            long d = 0;
                            while (dim.next()) {
                                if (dim.field() == 1) {
                                    d = dim.varint();
                                } else {
                                    dim.skip();
                                }
                            }
                            dims.add(d);
                        } else {
                            shape.skip();
                        }
                    }
                }
                case 3 -> shard = (int) r.varint();
                case 4 -> offset = r.varint();
                case 5 -> size = r.varint();
                case 6 -> {
                    crc = r.fixed32();
                    hasCrc = true;
                }
                case 7 -> {
                    sliced = true;
                    r.skip();
                }
                default -> r.skip();
            }
        }
        return new Entry(dtype, dims.stream().mapToLong(Long::longValue).toArray(), shard, offset, size, crc,
                hasCrc, sliced);
    }

    private static HostTensor decode(Path shardFile, FileChannel ch, String name, Entry e, int width)
            throws IOException {
        int[] shape = new int[e.shape.length];
        long n = 1;
        for (int i = 0; i < shape.length; i++) {
            if (e.shape[i] <= 0 || e.shape[i] > Integer.MAX_VALUE) {
                throw new ModelFormatException(shardFile, "variable '" + name + "' has dimension " + e.shape[i]);
            }
            shape[i] = (int) e.shape[i];
            n *= shape[i];
        }
        if (n * width != e.size) {
            throw new ModelFormatException(shardFile, "variable '" + name + "' has shape "
                    + java.util.Arrays.toString(shape) + " (" + n * width + " bytes) but its entry says "
                    + e.size + " bytes");
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw new ModelFormatException(shardFile, "variable '" + name + "' is too large for one Java array");
        }
        if (e.offset < 0 || e.offset + e.size > ch.size()) {
            throw new ModelFormatException(shardFile, "variable '" + name + "' lies at bytes " + e.offset + ".."
                    + (e.offset + e.size) + " but the shard has " + ch.size() + "; the file is truncated");
        }
        ByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, e.offset, e.size).order(ByteOrder.LITTLE_ENDIAN);
        if (e.hasCrc && SSTableReader.mask(SSTableReader.crc32c(b)) != e.crc32c) {
            throw new ModelFormatException(shardFile, "variable '" + name + "' fails its CRC-32C check;"
                    + " the data file is corrupt");
        }
        float[] out = new float[(int) n];
        switch (e.dtype) {
            case DT_FLOAT -> b.asFloatBuffer().get(out);
            case DT_DOUBLE -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = (float) b.getDouble();
                }
            }
            case DT_HALF -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = HalfFloats.halfToFloat(b.getShort());
                }
            }
            default -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = HalfFloats.bfloat16ToFloat(b.getShort());
                }
            }
        }
        return new HostTensor(shape, out);
    }
}
