package org.bertgeometry.report.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A small in-memory table with named columns, built row by row and handed to {@link CsvWriter} or
 * an {@code HtmlReport}. Cells are {@code String}, {@code Number}, {@code Boolean} or {@code null}
 * (written as an empty cell), so an analysis can emit mixed text and numbers without a schema
 * library. The builder is deliberately mutable and not thread-safe: one producer fills it, then it is
 * written.
 */
public final class Table {

    private final List<String> columns;
    private final List<List<Object>> rows = new ArrayList<>();

    private Table(List<String> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        Set<String> seen = new HashSet<>();
        for (String c : columns) {
            Objects.requireNonNull(c, "column name");
            if (!seen.add(c)) {
                throw new IllegalArgumentException("duplicate column name '" + c + "'");
            }
        }
        this.columns = List.copyOf(columns);
    }

    /** A new empty table with these column names (non-empty, distinct). */
    public static Table withColumns(String... columns) {
        return new Table(Arrays.asList(columns));
    }

    /** A new empty table with these column names (non-empty, distinct). */
    public static Table withColumns(List<String> columns) {
        return new Table(columns);
    }

    /**
     * Appends a row; it must have one cell per column, each a String, Number, Boolean or null.
     *
     * @return this table, for chaining
     */
    public Table addRow(Object... cells) {
        return addRow(Arrays.asList(cells));
    }

    /** Appends a row given as a list; same rules as {@link #addRow(Object...)}. */
    public Table addRow(List<?> cells) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException("row " + (rows.size() + 1) + " has " + cells.size()
                    + " cells but the table has " + columns.size() + " columns " + columns);
        }
        for (int i = 0; i < cells.size(); i++) {
            Object cell = cells.get(i);
            if (cell != null && !(cell instanceof String || cell instanceof Number || cell instanceof Boolean)) {
                throw new IllegalArgumentException("row " + (rows.size() + 1) + ", column '" + columns.get(i)
                        + "': unsupported cell type " + cell.getClass().getName()
                        + " (use String, Number, Boolean or null)");
            }
        }
        rows.add(Collections.unmodifiableList(new ArrayList<>(cells)));
        return this;
    }

    public List<String> columns() {
        return columns;
    }

    public int rowCount() {
        return rows.size();
    }

    /** The cells of row {@code index} (0-based), unmodifiable. */
    public List<Object> row(int index) {
        return rows.get(index);
    }

    /** All rows, unmodifiable views in insertion order. */
    public List<List<Object>> rows() {
        return Collections.unmodifiableList(rows);
    }
}
