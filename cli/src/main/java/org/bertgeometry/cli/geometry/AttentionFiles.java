package org.bertgeometry.cli.geometry;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.bertgeometry.cli.io.Stdio;
import org.bertgeometry.report.table.CsvReader;

/**
 * Loads the square attention matrices named by {@code --attention}: one {@code .npy} or {@code .csv}
 * file, or every such file in a folder (sorted by name, not recursive). A CSV matrix is read by the
 * project's {@link CsvReader} (BOM, CRLF, quotes) and may start with one header line (detected as a
 * first line that is not all numbers); blank lines are skipped. Each matrix must be square and
 * finite.
 */
final class AttentionFiles {

    /** A loaded matrix and the file name it came from. */
    record Named(String file, double[][] matrix) {
    }

    private AttentionFiles() {
    }

    static List<Named> load(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new IOException(path + ": no such file or folder");
        }
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.list(path)) {
                s.filter(AttentionFiles::supported).sorted().forEach(files::add);
            }
            if (files.isEmpty()) {
                throw new IOException(path + ": folder has no .npy or .csv files");
            }
        } else {
            if (!supported(path)) {
                throw new IOException(path + ": expected a .npy or .csv attention matrix");
            }
            files.add(path);
        }
        List<Named> out = new ArrayList<>();
        for (Path f : files) {
            double[][] m = name(f).endsWith(".npy") ? NpyMatrixReader.read(f) : readCsv(f);
            requireSquareFinite(f, m);
            out.add(new Named(f.getFileName().toString(), m));
        }
        return out;
    }

    private static String name(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT);
    }

    private static boolean supported(Path p) {
        String n = name(p);
        return Files.isRegularFile(p) && (n.endsWith(".npy") || n.endsWith(".csv"));
    }

    private static double[][] readCsv(Path f) throws IOException {
        List<CsvReader.CsvRecord> records;
        try (Reader in = Stdio.reader(f)) {
            records = CsvReader.readRecords(in, f.toString(), ',');
        }
        List<double[]> rows = new ArrayList<>();
        boolean first = true;
        for (CsvReader.CsvRecord rec : records) {
            List<String> cells = rec.fields();
            if (cells.size() == 1 && cells.get(0).isBlank()) {
                continue;
            }
            double[] row = new double[cells.size()];
            boolean numeric = true;
            for (int j = 0; j < cells.size(); j++) {
                String c = cells.get(j).strip();
                if (c.isEmpty()) {
                    if (first) {
                        numeric = false;
                        break;
                    }
                    throw new IOException(f + ": missing value at line " + rec.line() + ", column " + (j + 1));
                }
                try {
                    row[j] = Double.parseDouble(c);
                } catch (NumberFormatException e) {
                    if (first) {
                        numeric = false;
                        break;
                    }
                    throw new IOException(f + ": '" + c + "' at line " + rec.line() + ", column " + (j + 1)
                            + " is not a number");
                }
            }
            if (first && !numeric) {
                first = false; // a header line
                continue;
            }
            first = false;
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new IOException(f + ": no matrix rows");
        }
        return rows.toArray(new double[0][]);
    }

    private static void requireSquareFinite(Path f, double[][] m) throws IOException {
        int n = m.length;
        for (int i = 0; i < n; i++) {
            if (m[i].length != n) {
                throw new IOException(f + ": attention matrix must be square, but it has " + n + " rows and row "
                        + (i + 1) + " has " + m[i].length + " columns");
            }
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(m[i][j])) {
                    throw new IOException(f + ": non-finite value " + m[i][j] + " at row " + (i + 1) + ", column "
                            + (j + 1));
                }
            }
        }
    }
}
