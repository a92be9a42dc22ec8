package org.bertgeometry.cli.geometry;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a 2-D float32 matrix as a NumPy {@code .npy} file, format version 1.0: little-endian
 * ({@code <f4}), C order, header padded with spaces and a final newline so that the preamble is a
 * multiple of 64 bytes, as numpy.lib.format specifies. It is the counterpart of
 * {@link NpyMatrixReader}, written from the same published format description, so that the command
 * line can hand attention maps to NumPy (and to its own geometry commands) without NumPy itself.
 */
public final class NpyMatrixWriter {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** Magic (6) + version (2) + header length (2). */
    private static final int FIXED = 10;
    /** NumPy aligns the data start to 64 bytes so that it can be memory-mapped with any dtype. */
    private static final int ALIGN = 64;

    private NpyMatrixWriter() {
    }

    /**
     * Writes the {@code rows x cols} matrix stored row-major in {@code data} from index {@code offset}
     * on to {@code file}, replacing the file if it exists.
     *
     * @throws IllegalArgumentException when the matrix is empty or {@code data} is too short
     */
    public static void write(Path file, float[] data, int offset, int rows, int cols) throws IOException {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("an .npy matrix needs at least one row and column, got " + rows + " x "
                    + cols);
        }
        long n = (long) rows * cols;
        if (offset < 0 || offset + n > data.length) {
            throw new IllegalArgumentException("a " + rows + " x " + cols + " matrix from index " + offset
                    + " needs " + n + " values but the array has " + data.length);
        }
        if (n * Float.BYTES > Integer.MAX_VALUE - ALIGN * 2) {
            throw new IllegalArgumentException("a " + rows + " x " + cols + " matrix is too large for one buffer");
        }
        byte[] header = header(rows, cols);
        ByteBuffer body = ByteBuffer.allocate((int) n * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        body.asFloatBuffer().put(data, offset, (int) n);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(header);
            out.write(body.array());
        }
    }

    /** Writes a rectangular {@code float[rows][cols]} matrix; see {@link #write(Path, float[], int, int, int)}. */
    public static void write(Path file, float[][] matrix) throws IOException {
        int rows = matrix.length;
        int cols = rows == 0 ? 0 : matrix[0].length;
        float[] flat = new float[rows * cols];
        for (int i = 0; i < rows; i++) {
            if (matrix[i].length != cols) {
                throw new IllegalArgumentException("matrix is not rectangular: row 0 has " + cols + " columns, row " + i
                        + " has " + matrix[i].length);
            }
            System.arraycopy(matrix[i], 0, flat, i * cols, cols);
        }
        write(file, flat, 0, rows, cols);
    }

    /** The preamble up to the first data byte: magic, version 1.0, header length and padded header. */
    static byte[] header(int rows, int cols) {
        String dict = String.format(Locale.ROOT, "{'descr': '<f4', 'fortran_order': False, 'shape': (%d, %d), }",
                rows, cols);
        // the header ends in '\n'; spaces before it bring the preamble to a multiple of ALIGN
        int unpadded = FIXED + dict.length() + 1;
        int padding = (ALIGN - unpadded % ALIGN) % ALIGN;
        String text = dict + " ".repeat(padding) + "\n";
        int headerLen = text.length();
        if (headerLen > 0xFFFF) {
            throw new IllegalStateException("header of " + headerLen + " bytes does not fit format version 1.0");
        }
        ByteBuffer b = ByteBuffer.allocate(FIXED + headerLen).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) headerLen);
        b.put(text.getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }
}
