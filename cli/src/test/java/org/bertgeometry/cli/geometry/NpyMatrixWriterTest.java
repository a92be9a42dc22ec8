package org.bertgeometry.cli.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyMatrixWriterTest {

    @TempDir
    Path dir;

    @Test
    void headerOfATwoByThreeMatrixIsNumpysVersionOneLayout() throws IOException {
        Path f = dir.resolve("m.npy");
        NpyMatrixWriter.write(f, new float[][] {{1, 2, 3}, {4, 5, 6}});
        byte[] b = Files.readAllBytes(f);
        // The dict below has 59 characters:
        //   "{" 1 + "'descr'" 7 + ": " 2 + "'<f4'" 5 + ", " 2                      = 17
        //   "'fortran_order'" 15 + ": " 2 + "False" 5 + ", " 2                       = 24 -> 41
        //   "'shape'" 7 + ": " 2 + "(2, 3)" 6 + ", " 2 + "}" 1                       = 18 -> 59
        // Preamble without padding: 6 magic + 2 version + 2 length + 59 + 1 newline = 70 bytes;
        // the next multiple of 64 is 128, so 58 spaces go before the newline and the header length
        // field is 128 - 10 = 118 = 0x76 0x00 (little-endian).
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
        String expected = "\u0093NUMPY\u0001\u0000\u0076\u0000" + dict + " ".repeat(58) + "\n";
        assertEquals(128, expected.length());
        assertEquals(expected, new String(b, 0, 128, StandardCharsets.ISO_8859_1));
        // then 6 little-endian float32 values in C order: 1.0f = 0x3F800000 -> bytes 00 00 80 3F
        assertEquals(128 + 6 * 4, b.length);
        assertArrayEquals(new byte[] {0, 0, (byte) 0x80, 0x3F}, Arrays.copyOfRange(b, 128, 132));
        ByteBuffer data = ByteBuffer.wrap(b, 128, 24).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[6];
        data.asFloatBuffer().get(values);
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, values);
    }

    @Test
    void roundTripsThroughTheReaderExactly() throws IOException {
        Random r = new Random(3);
        // 11 x 7 gives a header length other than the 2 x 3 case ("(11, 7)" is one character longer)
        float[] flat = new float[5 + 11 * 7];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = (float) r.nextGaussian();
        }
        Path f = dir.resolve("r.npy");
        NpyMatrixWriter.write(f, flat, 5, 11, 7);
        double[][] back = NpyMatrixReader.read(f);
        assertEquals(11, back.length);
        for (int i = 0; i < 11; i++) {
            assertEquals(7, back[i].length);
            for (int j = 0; j < 7; j++) {
                // float32 -> file -> float32 -> double is exact
                assertEquals(flat[5 + i * 7 + j], back[i][j], 0.0);
            }
        }
        assertEquals(0, (Files.size(f) - 11 * 7 * 4) % 64, "data starts at a multiple of 64 bytes");
    }

    @Test
    void refusesEmptyAndShortInput() {
        Path f = dir.resolve("x.npy");
        assertThrows(IllegalArgumentException.class, () -> NpyMatrixWriter.write(f, new float[0], 0, 0, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NpyMatrixWriter.write(f, new float[5], 0, 2, 3));
        assertEquals("a 2 x 3 matrix from index 0 needs 6 values but the array has 5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NpyMatrixWriter.write(f, new float[][] {{1, 2}, {3}}));
    }
}
