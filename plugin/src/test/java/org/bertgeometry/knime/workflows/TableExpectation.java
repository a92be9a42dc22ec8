package org.bertgeometry.knime.workflows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.BooleanValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.collection.ListDataValue;
import org.knime.core.node.BufferedDataTable;

/**
 * An expected output table, compared the way KNIME's Table Difference Checker compares a test table with a
 * reference table, per cell instead of per column: the CSV header (see {@link CsvTables}) lists the expected
 * columns by name and type in order (a last field {@code ...} allows further columns after them); there must be
 * exactly as many rows; a cell {@code *} is not compared (the Difference Checker's IgnoreChecker), numbers match
 * within the workflow's tolerance (EpsilonNumberChecker), everything else must be equal (EqualityChecker), list
 * cells element by element. Row keys are not compared.
 */
final class TableExpectation {
    private TableExpectation() {
    }

    /** @return the differences, empty when the table matches */
    static List<String> compare(final Path expectedCsv, final BufferedDataTable actual, final double tolerance)
        throws IOException {
        List<String> lines = CsvTables.lines(expectedCsv);
        String[] header = CsvTables.fields(lines.get(0));
        boolean open = header[header.length - 1].equals("...");
        int n = open ? header.length - 1 : header.length;
        List<String> diffs = new ArrayList<>();
        DataTableSpec spec = actual.getDataTableSpec();
        if (!open && spec.getNumColumns() != n) {
            diffs.add("expected " + n + " columns, got " + spec.getNumColumns());
        }
        List<CsvTables.Column> cols = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            CsvTables.Column c = CsvTables.column(header[i]);
            cols.add(c);
            if (i >= spec.getNumColumns() || !spec.getColumnSpec(i).getName().equals(c.name())) {
                diffs.add("column " + i + ": expected '" + c.name() + "', got "
                    + (i < spec.getNumColumns() ? "'" + spec.getColumnSpec(i).getName() + "'" : "none"));
            } else if (!spec.getColumnSpec(i).getType().equals(c.dataType())) {
                diffs.add("column '" + c.name() + "': expected type " + c.dataType() + ", got "
                    + spec.getColumnSpec(i).getType());
            }
        }
        if (!diffs.isEmpty()) {
            return diffs;
        }
        List<DataRow> rows = new ArrayList<>();
        actual.forEach(rows::add);
        if (rows.size() != lines.size() - 1) {
            diffs.add("expected " + (lines.size() - 1) + " rows, got " + rows.size());
            return diffs;
        }
        for (int r = 0; r < rows.size(); r++) {
            String[] f = CsvTables.fields(lines.get(r + 1));
            if (f.length != n) {
                throw new IOException(expectedCsv + " line " + (r + 2) + " has " + f.length + " fields, not " + n);
            }
            for (int i = 0; i < n; i++) {
                String problem = cellDiff(f[i], rows.get(r).getCell(i), tolerance);
                if (problem != null) {
                    diffs.add("row " + r + " column '" + cols.get(i).name() + "': " + problem);
                }
            }
        }
        return diffs;
    }

    private static String cellDiff(final String expected, final DataCell actual, final double tolerance) {
        if (expected.equals("*")) {
            return null;
        }
        if (expected.equals("?")) {
            return actual.isMissing() ? null : "expected a missing cell, got " + actual;
        }
        if (actual.isMissing()) {
            return "expected " + expected + ", got a missing cell";
        }
        if (actual instanceof ListDataValue list) {
            List<String> items = CsvTables.listItems(expected);
            if (items.size() != list.size()) {
                return "expected " + items.size() + " elements, got " + list.size() + " (" + actual + ")";
            }
            for (int k = 0; k < items.size(); k++) {
                String p = cellDiff(items.get(k), list.get(k), tolerance);
                if (p != null) {
                    return "element " + k + ": " + p;
                }
            }
            return null;
        }
        // BooleanCell is also an IntValue and a DoubleValue in KNIME: test it first
        if (actual instanceof BooleanValue v) {
            return Boolean.parseBoolean(expected) == v.getBooleanValue() ? null
                : "expected " + expected + ", got " + v.getBooleanValue();
        }
        if (actual instanceof IntValue v) {
            return Integer.parseInt(expected) == v.getIntValue() ? null
                : "expected " + expected + ", got " + v.getIntValue();
        }
        if (actual instanceof DoubleValue v) {
            double e = Double.parseDouble(expected);
            return Math.abs(e - v.getDoubleValue()) <= tolerance ? null
                : "expected " + expected + " +- " + tolerance + ", got " + v.getDoubleValue();
        }
        String s = ((StringValue)actual).getStringValue();
        return s.equals(expected) ? null : "expected '" + expected + "', got '" + s + "'";
    }
}
