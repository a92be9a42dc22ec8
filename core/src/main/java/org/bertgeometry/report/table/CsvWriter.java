package org.bertgeometry.report.table;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The project's one CSV writer (docs/decisions.md, "One CSV reader and writer, our own"): a header
 * line, then one record per row, UTF-8 without BOM, records ended by CRLF and fields quoted as RFC
 * 4180 says (a field containing a comma, a double quote, CR or LF, or starting or ending with a
 * space, is enclosed in double quotes and its quotes doubled). A whole {@link Table} is written with {@link #write(Table, Path)}; output
 * too large to hold (a row per token) is streamed record by record through an instance.
 *
 * <p>Numbers are written so that reading them back gives the same value, whatever the default
 * locale: {@code Double} with {@link Double#toString(double)} (shortest decimal that round-trips),
 * {@code Float} with {@link Float#toString(float)} (round-trips as a float), integers in plain
 * decimal; never {@code String.format} with the default locale, which writes {@code 0,5} in Germany.
 * Non-finite values are written as {@code NaN}, {@code Infinity} and {@code -Infinity}, which
 * {@link CsvReader} and {@link Double#parseDouble(String)} read back; {@code null} cells are written
 * empty (a missing value). Booleans are {@code true}/{@code false}.
 */
public final class CsvWriter implements Closeable, Flushable {

    /** The record separator, as RFC 4180 prescribes. */
    public static final String LINE_END = "\r\n";

    private final Writer out;
    private final boolean ownsTarget;

    private CsvWriter(Writer out, boolean ownsTarget) {
        this.out = out;
        this.ownsTarget = ownsTarget;
    }

    /** A writer onto {@code out}; {@link #close()} flushes but leaves {@code out} open (standard output). */
    public static CsvWriter onto(Writer out) {
        return new CsvWriter(out, false);
    }

    /** A writer that creates or replaces {@code file} (parent folders are created); close it when done. */
    public static CsvWriter create(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new CsvWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), true);
    }

    /** Writes one record, each cell formatted by {@link #format(Object)} and quoted by {@link #quote(String)}. */
    public CsvWriter record(List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(format(cells.get(i))));
        }
        out.write(LINE_END);
        return this;
    }

    /** Writes one record of the given cells. */
    public CsvWriter record(Object... cells) throws IOException {
        return record(Arrays.asList(cells));
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Flushes, and closes the target if this writer opened it. */
    @Override
    public void close() throws IOException {
        if (ownsTarget) {
            out.close();
        } else {
            out.flush();
        }
    }

    /** Writes the table to {@code file} (created or replaced; parent folders are created). */
    public static void write(Table table, Path file) throws IOException {
        try (CsvWriter w = create(file)) {
            w.table(table);
        }
    }

    /** Writes the table to {@code out}; the writer is flushed, not closed. */
    public static void write(Table table, Writer out) throws IOException {
        onto(out).table(table).flush();
    }

    /** Writes the table's header and rows as records. */
    public CsvWriter table(Table table) throws IOException {
        record(table.columns());
        for (List<Object> row : table.rows()) {
            record(row);
        }
        return this;
    }

    /** The whole table as one CSV string, as {@link #write(Table, Writer)} would write it. */
    public static String toCsv(Table table) {
        StringWriter s = new StringWriter();
        try {
            write(table, s);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter never throws
        }
        return s.toString();
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
