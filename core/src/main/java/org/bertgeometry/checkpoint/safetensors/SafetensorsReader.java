package org.bertgeometry.checkpoint.safetensors;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bertgeometry.checkpoint.HalfFloats;
import org.bertgeometry.checkpoint.ModelFormatException;
import org.bertgeometry.model.HostTensor;

/**
 * Reads a safetensors file (Hugging Face's weight format: an 8-byte little-endian header length, a
 * JSON header mapping each tensor name to dtype, shape and byte range, then the raw data) and widens
 * {@code F32}, {@code F16} and {@code BF16} tensors to float32 ({@code F64} is narrowed; integer
 * tensors are range-checked but not decoded, see {@link SafetensorsContent#nonFloat()}). It is strict on purpose: every rule
 * of the format is checked before any tensor is decoded (header bound before allocating, JSON well
 * formed with no duplicate keys, known dtype, byte range consistent with shape and inside the data
 * section, no two ranges overlapping), because a half-valid file would otherwise become silently
 * wrong weights. The data section is memory-mapped tensor by tensor, so a file larger than the heap
 * costs only the decoded float arrays.
 */
public final class SafetensorsReader {

    /** Largest header accepted; real headers are a few hundred kilobytes (Hugging Face uses 100 MB too). */
    public static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

    private SafetensorsReader() {
    }

    /** One header entry. */
    private record Entry(String name, String dtype, int[] shape, long begin, long end) {
    }

    /**
     * Reads every tensor of {@code file}.
     *
     * @throws ModelFormatException naming the file and the first rule broken
     */
    public static SafetensorsContent read(Path file) throws ModelFormatException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long fileSize = ch.size();
            if (fileSize < 8) {
                throw new ModelFormatException(file, "truncated safetensors file: " + fileSize
                        + " bytes, not even the 8-byte header length");
            }
            ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, lenBuf, 0);
            long headerLen = lenBuf.flip().getLong();
            if (headerLen < 2 || headerLen > MAX_HEADER_BYTES) {
                throw new ModelFormatException(file, "safetensors header length " + Long.toUnsignedString(headerLen)
                        + " is outside 2.." + MAX_HEADER_BYTES + "; the file is corrupt or not safetensors");
            }
            if (headerLen > fileSize - 8) {
                throw new ModelFormatException(file, "safetensors header declares " + headerLen
                        + " bytes but the file has only " + (fileSize - 8) + " after the length field;"
                        + " the file is truncated");
            }
            ByteBuffer headerBuf = ByteBuffer.allocate((int) headerLen);
            readFully(ch, headerBuf, 8);
            String header;
            try {
                header = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(headerBuf.flip()).toString();
            } catch (CharacterCodingException e) {
                throw new ModelFormatException(file, "safetensors header is not valid UTF-8", e);
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            List<Entry> entries;
            try {
                entries = parseHeader(header, metadata);
            } catch (IOException | IllegalStateException | NumberFormatException e) {
                throw new ModelFormatException(file, "malformed safetensors header: " + e.getMessage(), e);
            }
            long dataStart = 8 + headerLen;
            long dataLen = fileSize - dataStart;
            checkRanges(file, entries, dataLen);
            Map<String, HostTensor> tensors = new LinkedHashMap<>();
            Map<String, String> nonFloat = new LinkedHashMap<>();
            for (Entry e : entries) {
                if (isFloat(e.dtype)) {
                    tensors.put(e.name, decode(file, ch, e, dataStart));
                } else {
                    nonFloat.put(e.name, e.dtype);
                }
            }
            return new SafetensorsContent(tensors, metadata, nonFloat);
        } catch (ModelFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFormatException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer dst, long position) throws IOException {
        long pos = position;
        while (dst.hasRemaining()) {
            int n = ch.read(dst, pos);
            if (n < 0) {
                throw new IOException("unexpected end of file");
            }
            pos += n;
        }
    }

    static int elementSize(String dtype) {
        return switch (dtype) {
            case "F64", "I64", "U64" -> 8;
            case "F32", "I32", "U32" -> 4;
            case "F16", "BF16", "I16", "U16" -> 2;
            case "BOOL", "U8", "I8", "F8_E4M3", "F8_E5M2" -> 1;
            default -> -1;
        };
    }

    private static boolean isFloat(String dtype) {
        return dtype.equals("F32") || dtype.equals("F16") || dtype.equals("BF16") || dtype.equals("F64");
    }

    private static List<Entry> parseHeader(String header, Map<String, String> metadata) throws IOException {
        if (!header.startsWith("{")) {
            throw new IllegalStateException("the header must be a JSON object starting with '{'");
        }
        JsonReader r = new JsonReader(new StringReader(header));
        r.setStrictness(Strictness.STRICT);
        List<Entry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        r.beginObject();
        while (r.hasNext()) {
            String name = r.nextName();
            if (!names.add(name)) {
                throw new IllegalStateException("tensor name '" + name + "' appears twice in the header");
            }
            if (name.equals("__metadata__")) {
                Set<String> keys = new HashSet<>();
                r.beginObject();
                while (r.hasNext()) {
                    String k = r.nextName();
                    if (!keys.add(k)) {
                        throw new IllegalStateException("__metadata__ key '" + k + "' appears twice");
                    }
                    if (r.peek() != JsonToken.STRING) {
                        throw new IllegalStateException("__metadata__ value of '" + k + "' must be a string");
                    }
                    metadata.put(k, r.nextString());
                }
                r.endObject();
                continue;
            }
            entries.add(parseEntry(name, r));
        }
        r.endObject();
        if (r.peek() != JsonToken.END_DOCUMENT) {
            throw new IllegalStateException("unexpected content after the header object");
        }
        return entries;
    }

    private static Entry parseEntry(String name, JsonReader r) throws IOException {
        String dtype = null;
        int[] shape = null;
        long[] offsets = null;
        Set<String> keys = new HashSet<>();
        r.beginObject();
        while (r.hasNext()) {
            String k = r.nextName();
            if (!keys.add(k)) {
                throw new IllegalStateException("tensor '" + name + "' has key '" + k + "' twice");
            }
            switch (k) {
                case "dtype" -> dtype = r.nextString();
                case "shape" -> {
                    List<Long> dims = longArray(r);
                    shape = new int[dims.size()];
                    for (int i = 0; i < shape.length; i++) {
                        long d = dims.get(i);
                        if (d <= 0 || d > Integer.MAX_VALUE) {
                            throw new IllegalStateException("tensor '" + name + "' has dimension " + d
                                    + "; dimensions must be in 1.." + Integer.MAX_VALUE);
                        }
                        shape[i] = (int) d;
                    }
                }
                case "data_offsets" -> {
                    List<Long> o = longArray(r);
                    if (o.size() != 2) {
                        throw new IllegalStateException("tensor '" + name + "' data_offsets must be [begin, end]");
                    }
                    offsets = new long[] {o.get(0), o.get(1)};
                }
                default -> throw new IllegalStateException("tensor '" + name + "' has unknown key '" + k + "'");
            }
        }
        r.endObject();
        if (dtype == null || shape == null || offsets == null) {
            throw new IllegalStateException("tensor '" + name + "' needs dtype, shape and data_offsets");
        }
        return new Entry(name, dtype, shape, offsets[0], offsets[1]);
    }

    private static List<Long> longArray(JsonReader r) throws IOException {
        List<Long> out = new ArrayList<>();
        r.beginArray();
        while (r.hasNext()) {
            if (r.peek() != JsonToken.NUMBER) {
                throw new IllegalStateException("expected an integer, found " + r.peek());
            }
            String s = r.nextString();
            try {
                long v = Long.parseLong(s);
                if (v < 0) {
                    throw new IllegalStateException("negative value " + v);
                }
                out.add(v);
            } catch (NumberFormatException e) {
                throw new IllegalStateException("'" + s + "' is not a non-negative integer", e);
            }
        }
        r.endArray();
        return out;
    }

    private static void checkRanges(Path file, List<Entry> entries, long dataLen) throws ModelFormatException {
        for (Entry e : entries) {
            int size = elementSize(e.dtype);
            if (size < 0) {
                throw new ModelFormatException(file, "tensor '" + e.name + "' has unknown dtype " + e.dtype
                        + "; weights must be F32, F16, BF16 or F64");
            }
            long n = 1;
            for (int d : e.shape) {
                n = Math.multiplyExact(n, d);
            }
            if (n > Integer.MAX_VALUE - 8) {
                throw new ModelFormatException(file, "tensor '" + e.name + "' has " + n
                        + " elements, too many for one Java array");
            }
            if (e.end < e.begin) {
                throw new ModelFormatException(file, "tensor '" + e.name + "' has data_offsets ["
                        + e.begin + ", " + e.end + "] with end before begin");
            }
            if (e.end - e.begin != n * size) {
                throw new ModelFormatException(file, "tensor '" + e.name + "' of shape "
                        + Arrays.toString(e.shape) + " and dtype " + e.dtype + " needs " + n * size
                        + " bytes but its data_offsets span " + (e.end - e.begin));
            }
            if (e.end > dataLen) {
                throw new ModelFormatException(file, "tensor '" + e.name + "' ends at data byte " + e.end
                        + " but the data section has only " + dataLen + " bytes; the file is truncated");
            }
        }
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::begin));
        for (int i = 1; i < sorted.size(); i++) {
            Entry prev = sorted.get(i - 1);
            Entry cur = sorted.get(i);
            if (cur.begin < prev.end) {
                throw new ModelFormatException(file, "tensors '" + prev.name + "' and '" + cur.name
                        + "' overlap in the data section");
            }
        }
    }

    private static HostTensor decode(Path file, FileChannel ch, Entry e, long dataStart) throws IOException {
        int n = (int) ((e.end - e.begin) / elementSize(e.dtype));
        float[] out = new float[n];
        if (n > 0) {
            ByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, dataStart + e.begin, e.end - e.begin)
                    .order(ByteOrder.LITTLE_ENDIAN);
            switch (e.dtype) {
                case "F32" -> b.asFloatBuffer().get(out);
                case "F16" -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = HalfFloats.halfToFloat(b.getShort());
                    }
                }
                case "BF16" -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = HalfFloats.bfloat16ToFloat(b.getShort());
                    }
                }
                case "F64" -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = (float) b.getDouble();
                    }
                }
                default -> throw new ModelFormatException(file, "unsupported dtype " + e.dtype);
            }
        }
        return new HostTensor(e.shape, out);
    }
}
