package org.bertgeometry.knime.workflows;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.collection.ListDataValue;
import org.knime.core.node.BufferedDataTable;

/**
 * Comparison of two tables that must agree: same spec, same rows, equal cells (DataCell#equals), except columns
 * that measure wall-clock time (the Variant Classifier's {@code seconds} per epoch), which differ between any two
 * runs, and numbers, which agree within {@link #RELATIVE_TOLERANCE}: the engine computes in float32, and PyTorch
 * sums in an order that depends on its thread count, which each model node takes as its fair share of the cores
 * when it starts (docs/knime.md, "Threads"); a node re-executed alone therefore may use more threads than when it
 * ran beside others, and a training's losses then differ in the last float32 bits (5e-13 and 1.1e-7 relative
 * were seen in parallel-model-port). A model restored incompletely differs by far more. Tables are
 * compared as snapshots because resetting a node disposes its tables.
 */
final class TableDifference {
    private static final String WALL_CLOCK = "seconds";
    /** Float32 parity as the project states it (about 1e-4 relative): rounding accumulated over a training run. */
    static final double RELATIVE_TOLERANCE = 1e-4;

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
                if (!wallClock && !agree(ra[c], rb[c])) {
                    return "row " + r + " column '" + a.spec().getColumnSpec(c).getName() + "': " + ra[c] + " vs "
                        + rb[c];
                }
            }
        }
        return null;
    }

    /** Equal cells, or numbers (also inside lists) within {@link #RELATIVE_TOLERANCE} of each other. */
    static boolean agree(final DataCell a, final DataCell b) {
        if (a.equals(b)) {
            return true;
        }
        if (a.isMissing() || b.isMissing()) {
            return false;
        }
        if (a instanceof ListDataValue la && b instanceof ListDataValue lb) {
            if (la.size() != lb.size()) {
                return false;
            }
            for (int i = 0; i < la.size(); i++) {
                if (!agree(la.get(i), lb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof DoubleValue da && b instanceof DoubleValue db) {
            double x = da.getDoubleValue();
            double y = db.getDoubleValue();
            return Math.abs(x - y) <= RELATIVE_TOLERANCE * Math.max(1.0, Math.max(Math.abs(x), Math.abs(y)));
        }
        return false;
    }
}
