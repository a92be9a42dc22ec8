package org.bertgeometry.knime.workflows;

import java.util.Iterator;

import org.knime.core.data.DataRow;
import org.knime.core.node.BufferedDataTable;

/**
 * Exact comparison of two tables that must be identical: same spec, same rows, equal cells (DataCell#equals),
 * except columns that measure wall-clock time (the Variant Classifier's {@code seconds} per epoch), which differ
 * between any two runs.
 */
final class TableDifference {
    private static final String WALL_CLOCK = "seconds";

    private TableDifference() {
    }

    /** @return the first difference, or null when the tables are equal */
    static String firstDifference(final BufferedDataTable a, final BufferedDataTable b) {
        if (!a.getDataTableSpec().equalStructure(b.getDataTableSpec())) {
            return "specs differ: " + a.getDataTableSpec() + " vs " + b.getDataTableSpec();
        }
        if (a.size() != b.size()) {
            return a.size() + " rows vs " + b.size();
        }
        Iterator<DataRow> ib = b.iterator();
        long r = 0;
        for (DataRow ra : a) {
            DataRow rb = ib.next();
            for (int c = 0; c < ra.getNumCells(); c++) {
                boolean wallClock = WALL_CLOCK.equals(a.getDataTableSpec().getColumnSpec(c).getName());
                if (!wallClock && !ra.getCell(c).equals(rb.getCell(c))) {
                    return "row " + r + " column '" + a.getDataTableSpec().getColumnSpec(c).getName() + "': "
                        + ra.getCell(c) + " vs " + rb.getCell(c);
                }
            }
            r++;
        }
        return null;
    }
}
