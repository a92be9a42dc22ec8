package org.bertgeometry.report.table;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads CSV as written by {@link CsvWriter} or by spreadsheets and KNIME: RFC 4180 fields (quoted
 * fields may hold separators, doubled quotes and line breaks), CRLF or LF line ends, an optional
 * UTF-8 byte-order mark, and a header line that names the columns. Trailing blank lines are ignored;
 * a blank line anywhere else is a record with the wrong number of cells and is reported, never
 * skipped.
 *
 * <p>{@link #readNumeric} turns the records into a {@link NumericTable}: every column except the
 * chosen class column must hold a decimal number in every row ({@code NaN}, {@code Infinity},
 * {@code -Infinity} are accepted because {@link CsvWriter} writes them); an empty cell, a
 * non-numeric cell, a row with too few or too many cells, an empty file, a duplicate or empty
 * column name, or a class column that does not exist each raise a {@link CsvFormatException} that
 * names the line and column. Cells are trimmed of surrounding white space before they are
 * interpreted (so "Alpha, 1.5" reads as "Alpha" and 1.5), class values included.
 */
public final class CsvReader {

    /** Decimal numbers only: rejects Java-only forms such as "1d", "0x1p3" or "1f" that parseDouble would take. */
    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?Infinity|NaN");

    /**
     * How to read a numeric table.
     *
     * @param classColumn name of the non-numeric column kept as text per row, or {@code null} for none
     *                    (default {@code null})
     * @param separator   field separator (default {@code ','}); must not be a double quote, CR or LF
     */
    public record Options(String classColumn, char separator) {
        public Options {
            if (separator == '"' || separator == '\r' || separator == '\n') {
                throw new IllegalArgumentException("separator cannot be a quote or a line break");
            }
        }

        /** No class column, comma separator. */
        public static Options defaults() {
            return new Options(null, ',');
        }

        /** These options with the class column {@code name}. */
        public Options withClassColumn(String name) {
            return new Options(name, separator);
        }
    }

    /** One record of a CSV source: its fields and the 1-based line where it starts. */
    public record CsvRecord(int line, List<String> fields) {
        public CsvRecord {
            fields = List.copyOf(fields);
        }
    }

    private CsvReader() {
    }

    /** Reads a numeric table from a UTF-8 file; errors name the file. */
    public static NumericTable readNumeric(Path file, Options options) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such CSV file");
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readNumeric(in, file.toString(), options);
        }
    }

    /** Reads a numeric table; {@code source} names the input in error messages. The reader is not closed. */
    public static NumericTable readNumeric(Reader in, String source, Options options) throws IOException {
        List<CsvRecord> records = readRecords(in, source, options.separator());
        if (records.isEmpty()) {
            throw new CsvFormatException(source, "the file is empty; expected a header line naming the columns");
        }
        CsvRecord header = records.get(0);
        List<String> names = header.fields();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.isBlank()) {
                throw new CsvFormatException(source, header.line(), "header column " + (i + 1) + " has no name");
            }
            Integer before = seen.putIfAbsent(name, i);
            if (before != null) {
                throw new CsvFormatException(source, header.line(), "header names column '" + name + "' twice (columns "
                        + (before + 1) + " and " + (i + 1) + ")");
            }
        }
        int classIndex = -1;
        if (options.classColumn() != null) {
            Integer idx = seen.get(options.classColumn());
            if (idx == null) {
                throw new CsvFormatException(source, header.line(), "class column '" + options.classColumn()
                        + "' is not in the header; columns are " + names);
            }
            classIndex = idx;
        }
        if (records.size() == 1) {
            throw new CsvFormatException(source, "the file has a header but no data rows");
        }
        List<String> numericNames = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (i != classIndex) {
                numericNames.add(names.get(i));
            }
        }
        double[][] values = new double[records.size() - 1][];
        List<String> classes = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            CsvRecord rec = records.get(r);
            List<String> f = rec.fields();
            if (f.size() != names.size()) {
                throw new CsvFormatException(source, rec.line(), "row has " + f.size() + " cells but the header has "
                        + names.size() + " columns");
            }
            double[] row = new double[numericNames.size()];
            int k = 0;
            for (int c = 0; c < f.size(); c++) {
                String cell = f.get(c).strip();
                if (c == classIndex) {
                    if (cell.isEmpty()) {
                        throw new CsvFormatException(source, rec.line(), names.get(c), c + 1, "missing class value");
                    }
                    classes.add(cell);
                    continue;
                }
                if (cell.isEmpty()) {
                    throw new CsvFormatException(source, rec.line(), names.get(c), c + 1,
                            "missing value (write NaN if the value is undefined)");
                }
                if (!DECIMAL.matcher(cell).matches()) {
                    throw new CsvFormatException(source, rec.line(), names.get(c), c + 1, "'" + cell
                            + "' is not a number" + (options.classColumn() == null
                            ? " (if this is a label column, choose it as the class column)" : ""));
                }
                row[k++] = Double.parseDouble(cell);
            }
            values[r - 1] = row;
        }
        return new NumericTable(numericNames, values, options.classColumn(), classes);
    }

    /**
     * Splits a CSV source into records without interpreting them; the header is the first record.
     * Trailing blank lines are dropped; an unterminated quoted field is an error naming its line.
     */
    public static List<CsvRecord> readRecords(Reader in, String source, char separator) throws IOException {
        List<CsvRecord> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        int quoteLine = 0;
        boolean inQuotes = false;
        boolean fieldWasQuoted = false;
        boolean first = true;
        int ch = in.read();
        while (ch != -1) {
            char c = (char) ch;
            if (first) {
                first = false;
                if (c == '\uFEFF') { // UTF-8 byte-order mark written by some spreadsheets
                    ch = in.read();
                    continue;
                }
            }
            if (inQuotes) {
                if (c == '"') {
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        inQuotes = false;
                        ch = next;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"') {
                if (field.length() > 0 || fieldWasQuoted) {
                    throw new CsvFormatException(source, line, "a double quote inside an unquoted field (column "
                            + (fields.size() + 1) + "); quote the whole field and double the quote");
                }
                inQuotes = true;
                fieldWasQuoted = true;
                quoteLine = line;
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
                fieldWasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                // LF, CRLF and a lone CR each end one record; the character after a lone CR or an LF
                // is the next record's first
                int next = in.read();
                fields.add(field.toString());
                records.add(new CsvRecord(recordLine, fields));
                fields = new ArrayList<>();
                field.setLength(0);
                fieldWasQuoted = false;
                line++;
                recordLine = line;
                ch = c == '\r' && next == '\n' ? in.read() : next;
                continue;
            } else {
                if (fieldWasQuoted) {
                    throw new CsvFormatException(source, line, "text after the closing quote of column "
                            + (fields.size() + 1));
                }
                field.append(c);
            }
            ch = in.read();
        }
        if (inQuotes) {
            throw new CsvFormatException(source, quoteLine, "a quoted field opened here is never closed");
        }
        if (field.length() > 0 || fieldWasQuoted || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(new CsvRecord(recordLine, fields));
        }
        int end = records.size();
        while (end > 0 && isBlank(records.get(end - 1))) {
            end--;
        }
        return new ArrayList<>(records.subList(0, end));
    }

    private static boolean isBlank(CsvRecord r) {
        return r.fields().size() == 1 && r.fields().get(0).isEmpty();
    }
}
