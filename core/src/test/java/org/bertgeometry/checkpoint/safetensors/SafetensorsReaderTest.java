package org.bertgeometry.checkpoint.safetensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bertgeometry.checkpoint.ModelFormatException;
import org.bertgeometry.model.HostTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The safetensors layout used here is built by hand from the published format description
 * (8-byte little-endian header length, JSON header, raw little-endian data), not by our writer.
 */
class SafetensorsReaderTest {

    @TempDir
    Path dir;

    private Path file(String name, String header, byte[] data) throws Exception {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).array());
        out.write(h);
        out.write(data);
        Path p = dir.resolve(name);
        Files.write(p, out.toByteArray());
        return p;
    }

    private static byte[] floats(float... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) {
            b.putFloat(f);
        }
        return b.array();
    }

    private static byte[] shorts(int... v) {
        ByteBuffer b = ByteBuffer.allocate(2 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int s : v) {
            b.putShort((short) s);
        }
        return b.array();
    }

    private ModelFormatException rejected(String name, String header, byte[] data) throws Exception {
        Path p = file(name, header, data);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> SafetensorsReader.read(p));
        assertTrue(e.getMessage().contains(name), "message names the file: " + e.getMessage());
        return e;
    }

    @Test
    void readsAHandBuiltF32FileWithMetadata() throws Exception {
        Path p = file("ok.safetensors", "{\"__metadata__\":{\"format\":\"pt\"},"
                + "\"w\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[16,20]}}  ",
                floats(1.5f, -2f, 0.25f, 3f, 7f));
        SafetensorsContent c = SafetensorsReader.read(p);
        assertEquals(Map.of("format", "pt"), c.metadata());
        assertArrayEquals(new int[] {2, 2}, c.tensors().get("w").shape());
        assertArrayEquals(new float[] {1.5f, -2f, 0.25f, 3f}, c.tensors().get("w").data());
        assertArrayEquals(new float[] {7f}, c.tensors().get("b").data());
    }

    @Test
    void widensF16AndBf16Exactly() throws Exception {
        // IEEE binary16: 0x3C00 = 1, 0xC000 = -2, 0x7BFF = 65504 (largest), 0x0001 = 2^-24 (smallest subnormal),
        // 0x7C00 = +inf. bfloat16: 0x3F80 = 1, 0x4049 = 3.140625, 0xC2F7 = -123.5.
        Path p = file("half.safetensors", "{\"h\":{\"dtype\":\"F16\",\"shape\":[5],\"data_offsets\":[0,10]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[3],\"data_offsets\":[10,16]}}",
                concat(shorts(0x3C00, 0xC000, 0x7BFF, 0x0001, 0x7C00), shorts(0x3F80, 0x4049, 0xC2F7)));
        SafetensorsContent c = SafetensorsReader.read(p);
        assertArrayEquals(new float[] {1f, -2f, 65504f, (float) Math.pow(2, -24), Float.POSITIVE_INFINITY},
                c.tensors().get("h").data());
        assertArrayEquals(new float[] {1f, 3.140625f, -123.5f}, c.tensors().get("b").data());
    }

    @Test
    void integerBuffersAreListedButNotDecoded() throws Exception {
        Path p = file("ids.safetensors", "{\"position_ids\":{\"dtype\":\"I64\",\"shape\":[1,2],\"data_offsets\":[0,16]}}",
                new byte[16]);
        SafetensorsContent c = SafetensorsReader.read(p);
        assertEquals(Map.of("position_ids", "I64"), c.nonFloat());
        assertTrue(c.tensors().isEmpty());
    }

    @Test
    void fileShorterThanTheLengthFieldIsTruncated() throws Exception {
        Path p = dir.resolve("tiny.safetensors");
        Files.write(p, new byte[] {1, 2, 3});
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> SafetensorsReader.read(p));
        assertTrue(e.getMessage().contains("tiny.safetensors") && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void headerLongerThanTheFileIsRejectedBeforeAllocating() throws Exception {
        Path p = dir.resolve("long.safetensors");
        ByteBuffer b = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putLong(1000);
        Files.write(p, b.array());
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> SafetensorsReader.read(p));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void absurdHeaderLengthDoesNotExhaustMemory() throws Exception {
        Path p = dir.resolve("huge.safetensors");
        Files.write(p, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(Long.MAX_VALUE - 3).array());
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> SafetensorsReader.read(p));
        assertTrue(e.getMessage().contains("header length"), e.getMessage());
        Files.write(p, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(-1).array());
        assertThrows(ModelFormatException.class, () -> SafetensorsReader.read(p));
    }

    @Test
    void truncatedDataSectionIsRejectedNamingTheTensor() throws Exception {
        ModelFormatException e = rejected("cut.safetensors",
                "{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", floats(1f, 2f));
        assertTrue(e.getMessage().contains("'w'") && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void unknownDtypeIsRejected() throws Exception {
        ModelFormatException e = rejected("dtype.safetensors",
                "{\"w\":{\"dtype\":\"F31\",\"shape\":[1],\"data_offsets\":[0,4]}}", floats(1f));
        assertTrue(e.getMessage().contains("F31"), e.getMessage());
    }

    @Test
    void shapeThatDisagreesWithTheByteRangeIsRejected() throws Exception {
        ModelFormatException e = rejected("shape.safetensors",
                "{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", floats(1f, 2f));
        assertTrue(e.getMessage().contains("needs 12 bytes"), e.getMessage());
    }

    @Test
    void overlappingRangesAreRejected() throws Exception {
        ModelFormatException e = rejected("overlap.safetensors",
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                        + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", floats(1f, 2f, 3f));
        assertTrue(e.getMessage().contains("overlap"), e.getMessage());
    }

    @Test
    void duplicateTensorNamesAreRejectedAlthoughJsonParsersKeepTheLast() throws Exception {
        ModelFormatException e = rejected("dup.safetensors",
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                        + "\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", floats(1f, 2f));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }

    @Test
    void malformedJsonAndTrailingGarbageAreRejected() throws Exception {
        rejected("json1.safetensors", "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}", floats(1f));
        rejected("json2.safetensors", "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}} x", floats(1f));
        rejected("json3.safetensors", "{\"a\":{\"dtype\":\"F32\",\"shape\":[1.5],\"data_offsets\":[0,4]}}", floats(1f));
        rejected("json4.safetensors", "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,-4]}}", floats(1f));
        rejected("json5.safetensors", "[1,2]", floats(1f));
    }

    @Test
    void writerOutputFollowsTheLayoutAndReadsBackBitForBit() throws Exception {
        Map<String, HostTensor> t = new LinkedHashMap<>();
        t.put("z.last", new HostTensor(new int[] {3}, new float[] {Float.NaN, -0.0f, Float.MIN_VALUE}));
        t.put("a.first", new HostTensor(new int[] {1, 2}, new float[] {1f, -1e30f}));
        Path p = dir.resolve("w.safetensors");
        SafetensorsWriter.write(p, t, Map.of("format", "pt"));
        byte[] bytes = Files.readAllBytes(p);
        long headerLen = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, headerLen % 8, "header padded to a multiple of 8");
        String header = new String(bytes, 8, (int) headerLen, StandardCharsets.UTF_8);
        assertTrue(header.startsWith("{\"__metadata__\":{\"format\":\"pt\"},\"a.first\""), header);
        assertEquals(8 + headerLen + 4 * 5, bytes.length);
        // a.first comes first in the data section: 1.0f little-endian is 00 00 80 3F
        assertArrayEquals(new byte[] {0, 0, (byte) 0x80, 0x3F}, java.util.Arrays.copyOfRange(bytes,
                (int) (8 + headerLen), (int) (8 + headerLen + 4)));
        SafetensorsContent back = SafetensorsReader.read(p);
        for (String name : t.keySet()) {
            float[] expected = t.get(name).data();
            float[] actual = back.tensors().get(name).data();
            for (int i = 0; i < expected.length; i++) {
                assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(actual[i]), name + "[" + i + "]");
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
