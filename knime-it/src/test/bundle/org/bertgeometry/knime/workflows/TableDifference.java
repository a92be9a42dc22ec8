package org.bertgeometry.knime.workflows;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;

/**
 * Exact comparison of two tables that must be identical: same spec, same rows, equal cells (DataCell#equals),
 * except columns that measure wall-clock time (the Variant Classifier's {@code seconds} per epoch), which differ
 * between any two runs. Tables are compared as snapshots because resetting a node disposes its tables.
 */
final class TableDifference {
    private static final String WALL_CLOCK = "seconds";

    private TableDifference() {
    }

    /** A table's spec and cells, held in memory. */
    record Snapshot(DataTableSpec spec, List<DataCell[]> rows) {
        static Snapshot of(final BufferedDataTable t) {
            List<DataCell[]> rows = new ArrayList<>();
            for (DataRow r : t) {
                DataCell[] cells = new DataCell[r.getNumCells()];
                for (int c = 0; c < cells.length; c++) {
                    cells[c] = r.getCell(c);
                }
                rows.add(cells);
            }
            return new Snapshot(t.getDataTableSpec(), rows);
        }
    }

    static String firstDifference(final BufferedDataTable a, final BufferedDataTable b) {
        return firstDifference(Snapshot.of(a), Snapshot.of(b));
    }

    /** @return the first difference, or null when the tables are equal */
    static String firstDifference(final Snapshot a, final Snapshot b) {
        if (!a.spec().equalStructure(b.spec())) {
            return "specs differ: " + a.spec() + " vs " + b.spec();
        }
        if (a.rows().size() != b.rows().size()) {
            return a.rows().size() + " rows vs " + b.rows().size();
        }
        for (int r = 0; r < a.rows().size(); r++) {
            DataCell[] ra = a.rows().get(r);
            DataCell[] rb = b.rows().get(r);
            for (int c = 0; c < ra.length; c++) {
                boolean wallClock = WALL_CLOCK.equals(a.spec().getColumnSpec(c).getName());
                if (!wallClock && !ra[c].equals(rb[c])) {
                    return "row " + r + " column '" + a.spec().getColumnSpec(c).getName() + "': " + ra[c] + " vs "
                        + rb[c];
                }
            }
        }
        return null;
    }
}
