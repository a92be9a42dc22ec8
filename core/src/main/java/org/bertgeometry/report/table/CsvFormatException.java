package org.bertgeometry.report.table;

import java.io.IOException;

/**
 * A CSV file that cannot be read as the table the caller asked for. The message always names the
 * source, the 1-based line where the offending record starts and, when one cell is to blame, the
 * column by name and 1-based position, so that a user can open the file and fix it.
 */
public class CsvFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int line;

    /** A problem with the whole source (for example an empty file); {@link #line()} is 0. */
    public CsvFormatException(String source, String problem) {
        super(source + ": " + problem);
        this.line = 0;
    }

    /** A problem with one record starting at {@code line} (1-based). */
    public CsvFormatException(String source, int line, String problem) {
        super(source + ", line " + line + ": " + problem);
        this.line = line;
    }

    /** A problem with one cell: record at {@code line}, column {@code columnName} at 1-based {@code columnIndex}. */
    public CsvFormatException(String source, int line, String columnName, int columnIndex, String problem) {
        super(source + ", line " + line + ", column '" + columnName + "' (" + columnIndex + "): " + problem);
        this.line = line;
    }

    /** 1-based line of the offending record, or 0 when the problem concerns the whole source. */
    public int line() {
        return line;
    }
}
