package org.bertgeometry.cli.geometry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A comma-separated file read as a header plus rows of cells, for the geometry commands. Plain RFC
 * 4180 subset: comma separator, optional double quotes around a cell (with "" for a quote), blank
 * lines ignored. Every row must have as many cells as the header.
 */
final class CsvTable {

    final Path file;
    final List<String> header;
    final List<List<String>> rows;

    private CsvTable(Path file, List<String> header, List<List<String>> rows) {
        this.file = file;
        this.header = header;
        this.rows = rows;
    }

    /** Reads a CSV whose first non-blank line is the header. */
    static CsvTable read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = null;
        List<List<String>> rows = new ArrayList<>();
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = split(line, file, lineNo);
            if (header == null) {
                header = cells;
            } else {
                if (cells.size() != header.size()) {
                    throw new IOException(file + ": line " + lineNo + " has " + cells.size() + " cells but the header has "
                            + header.size());
                }
                rows.add(cells);
            }
        }
        if (header == null) {
            throw new IOException(file + ": file is empty; expected a header line and data rows");
        }
        if (rows.isEmpty()) {
            throw new IOException(file + ": no data rows after the header");
        }
        return new CsvTable(file, header, rows);
    }

    /** Parses a numeric cell, naming row (1-based data row) and column on failure. */
    double number(int row, int col) throws IOException {
        String s = rows.get(row).get(col).trim();
        if (s.isEmpty()) {
            throw new IOException(file + ": missing value in data row " + (row + 1) + ", column '" + header.get(col)
                    + "'; fill or remove the row");
        }
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IOException(file + ": '" + s + "' in data row " + (row + 1) + ", column '" + header.get(col)
                    + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new IOException(file + ": non-finite value '" + s + "' in data row " + (row + 1) + ", column '"
                    + header.get(col) + "'");
        }
        return v;
    }

    int column(String name) throws IOException {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IOException(file + ": no column named '" + name + "'; the header has " + header);
        }
        return i;
    }

    private static List<String> split(String line, Path file, int lineNo) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new IOException(file + ": line " + lineNo + " has an unterminated quote");
        }
        out.add(cell.toString());
        return out;
    }
}
