package org.bertgeometry.report.table;

import java.util.List;
import java.util.Objects;

/**
 * A table of numbers read from CSV: named numeric columns, a row-major {@code double[rows][columns]}
 * matrix and, when one was chosen, the text of a class column per row (for example the lineage of
 * each CLS vector). {@code classColumn} is {@code null} and {@code classes} empty when no class
 * column was asked for. Missing values are never represented: the reader rejects them.
 */
public record NumericTable(List<String> columns, double[][] values, String classColumn, List<String> classes) {

    public NumericTable {
        columns = List.copyOf(columns);
        Objects.requireNonNull(values, "values");
        classes = List.copyOf(classes);
        for (double[] row : values) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException("row of length " + row.length + " for " + columns.size() + " columns");
            }
        }
        if (classColumn == null ? !classes.isEmpty() : classes.size() != values.length) {
            throw new IllegalArgumentException("need one class per row when a class column is set, none otherwise");
        }
    }

    public int rowCount() {
        return values.length;
    }

    /** 0-based index of the numeric column called {@code name}; throws naming the available columns. */
    public int indexOf(String name) {
        int i = columns.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no numeric column '" + name + "'; columns are " + columns);
        }
        return i;
    }

    /** A copy of the values of the numeric column called {@code name}. */
    public double[] column(String name) {
        int c = indexOf(name);
        double[] out = new double[values.length];
        for (int r = 0; r < values.length; r++) {
            out[r] = values[r][c];
        }
        return out;
    }
}
