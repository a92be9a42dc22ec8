package org.bertgeometry.cli.geometry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a 2-D matrix from a NumPy {@code .npy} file (format versions 1-3): little-endian float32
 * ({@code <f4}) or float64 ({@code <f8}), C order. Anything else (other types, big-endian, Fortran
 * order, other ranks) is refused with a message saying how to re-save the array. Written from the
 * published format description (numpy.lib.format), so that the command line needs no NumPy.
 */
final class NpyMatrixReader {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyMatrixReader() {
    }

    static double[][] read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10) {
            throw bad(file, "file is too short to be a .npy file");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw bad(file, "missing the \\x93NUMPY magic; is it really a .npy file?");
            }
        }
        int major = bytes[6];
        int headerLen;
        int offset;
        if (major == 1) {
            headerLen = Short.toUnsignedInt(buf.getShort(8));
            offset = 10;
        } else if (major == 2 || major == 3) {
            headerLen = buf.getInt(8);
            offset = 12;
        } else {
            throw bad(file, "unsupported .npy format version " + major);
        }
        if (offset + headerLen > bytes.length) {
            throw bad(file, "header runs past the end of the file");
        }
        String header = new String(bytes, offset, headerLen,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, file, "descr");
        String fortran = group(FORTRAN, header, file, "fortran_order");
        String[] dims = group(SHAPE, header, file, "shape").split(",");
        if ("True".equals(fortran)) {
            throw bad(file, "array is in Fortran order; save it with numpy.ascontiguousarray first");
        }
        int width;
        if (descr.equals("<f4")) {
            width = 4;
        } else if (descr.equals("<f8")) {
            width = 8;
        } else {
            throw bad(file, "dtype '" + descr + "' is not supported; save the matrix as little-endian float32 or "
                    + "float64 (astype('<f4'))");
        }
        int rows;
        int cols;
        try {
            java.util.List<Integer> d = new java.util.ArrayList<>();
            for (String s : dims) {
                if (!s.isBlank()) {
                    d.add(Integer.parseInt(s.trim()));
                }
            }
            if (d.size() != 2) {
                throw bad(file, "array has " + d.size() + " dimensions; a matrix needs exactly 2");
            }
            rows = d.get(0);
            cols = d.get(1);
        } catch (NumberFormatException e) {
            throw bad(file, "cannot read the shape in header " + header.trim());
        }
        int data = offset + headerLen;
        long needed = (long) rows * cols * width;
        if (bytes.length - data < needed) {
            throw bad(file, "shape (" + rows + ", " + cols + ") needs " + needed + " bytes of data but the file has "
                    + (bytes.length - data));
        }
        if (rows == 0 || cols == 0) {
            throw bad(file, "matrix is empty (shape (" + rows + ", " + cols + "))");
        }
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int at = data + (i * cols + j) * width;
                m[i][j] = width == 4 ? buf.getFloat(at) : buf.getDouble(at);
            }
        }
        return m;
    }

    private static String group(Pattern p, String header, Path file, String key) throws IOException {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw bad(file, "header has no '" + key + "' entry: " + header.trim());
        }
        return m.group(1);
    }

    private static IOException bad(Path file, String problem) {
        return new IOException(file + ": " + problem);
    }
}
