package org.bertgeometry.report.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a {@link Table} as CSV: a header line, then one record per row, UTF-8 without BOM, records
 * ended by CRLF and fields quoted as RFC 4180 says (a field containing a comma, a double quote, CR
 * or LF, or starting or ending with a space, is enclosed in double quotes and its quotes doubled).
 *
 * <p>Numbers are written so that reading them back gives the same value: {@code Double} with
 * {@link Double#toString(double)} (shortest decimal that round-trips), {@code Float} with
 * {@link Float#toString(float)} (round-trips as a float), integers in plain decimal. Non-finite values
 * are written as {@code NaN}, {@code Infinity} and {@code -Infinity}, which {@link CsvReader} and
 * {@link Double#parseDouble(String)} read back; {@code null} cells are written empty (a missing value).
 * Booleans are {@code true}/{@code false}.
 */
public final class CsvWriter {

    /** The record separator, as RFC 4180 prescribes. */
    public static final String LINE_END = "\r\n";

    private CsvWriter() {
    }

    /** Writes the table to {@code file} (created or replaced; parent folders are created). */
    public static void write(Table table, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(table, out);
        }
    }

    /** Writes the table to {@code out}; the writer is not closed. */
    public static void write(Table table, Writer out) throws IOException {
        writeRecord(table.columns(), out);
        for (List<Object> row : table.rows()) {
            writeRecord(row, out);
        }
        out.flush();
    }

    /** The whole table as one CSV string, as {@link #write(Table, Writer)} would write it. */
    public static String toCsv(Table table) {
        java.io.StringWriter s = new java.io.StringWriter();
        try {
            write(table, s);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter never throws
        }
        return s.toString();
    }

    private static void writeRecord(List<?> cells, Writer out) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(format(cells.get(i))));
        }
        out.write(LINE_END);
    }

    /** The unquoted text of one cell, following the number rules in the class comment. */
    public static String format(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Double d) {
            return Double.toString(d);
        }
        if (cell instanceof Float f) {
            return Float.toString(f);
        }
        return cell.toString();
    }

    /** The field as it appears in the file: quoted and with doubled quotes only where RFC 4180 needs it. */
    public static String quote(String field) {
        boolean needs = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                || field.indexOf('\r') >= 0
                || (!field.isEmpty() && (field.charAt(0) == ' ' || field.charAt(field.length() - 1) == ' '));
        if (!needs) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
