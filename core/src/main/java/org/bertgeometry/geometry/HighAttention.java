package org.bertgeometry.geometry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * High-attention position lists and heatmap data (docs/methods.md, "Heatmaps and position lists"):
 * the reference writes, per class, layer and head (or the head mean), every entry at or above
 * theta_plot (default 0.01; distinct from the 0.3 high-confidence threshold) as (row label, column
 * label, score) sorted by score descending, and draws the unmasked entries with the labels of rows
 * and columns holding any such entry highlighted. Ties are broken by row, then column, so the
 * output is deterministic.
 */
public final class HighAttention {

    /** The reference's plotting threshold. */
    public static final double DEFAULT_THETA_PLOT = 0.01;

    private HighAttention() {
    }

    /** One listed entry (query row, key column). */
    public record Entry(int row, int column, String rowLabel, String columnLabel, double score) {
    }

    /**
     * Heatmap data: entries below theta set to NaN (not drawn), and which rows/columns hold at least
     * one entry at or above theta.
     */
    public record Heatmap(double[][] masked, boolean[] highlightedRows, boolean[] highlightedColumns) {
    }

    /**
     * Entries {@code >= theta} sorted by score descending.
     *
     * @param labels one label per position (see {@link KmerLabels}), or null for the indices
     */
    public static List<Entry> entries(double[][] m, double theta, String[] labels) {
        int n = MatrixChecks.requireSquare(m, "attention map");
        if (labels != null && labels.length != n) {
            throw new IllegalArgumentException(labels.length + " labels given for a " + n + "x" + n + " map");
        }
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (m[i][j] >= theta) {
                    out.add(new Entry(i, j, labels == null ? Integer.toString(i) : labels[i],
                            labels == null ? Integer.toString(j) : labels[j], m[i][j]));
                }
            }
        }
        out.sort(Comparator.comparingDouble(Entry::score).reversed().thenComparingInt(Entry::row)
                .thenComparingInt(Entry::column));
        return out;
    }

    /** Heatmap data at threshold theta. */
    public static Heatmap heatmap(double[][] m, double theta) {
        int n = MatrixChecks.requireSquare(m, "attention map");
        double[][] masked = new double[n][n];
        boolean[] rows = new boolean[n];
        boolean[] cols = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                boolean hi = m[i][j] >= theta;
                masked[i][j] = hi ? m[i][j] : Double.NaN;
                rows[i] |= hi;
                cols[j] |= hi;
            }
        }
        return new Heatmap(masked, rows, cols);
    }

    /** Element-wise mean of equally sized maps (the reference's "avg" over heads or over classes). */
    public static double[][] mean(List<double[][]> maps) {
        if (maps.isEmpty()) {
            throw new IllegalArgumentException("no maps to average");
        }
        int n = MatrixChecks.requireSquare(maps.get(0), "attention map 0");
        double[][] out = new double[n][n];
        for (int k = 0; k < maps.size(); k++) {
            if (MatrixChecks.requireSquare(maps.get(k), "attention map " + k) != n) {
                throw new IllegalArgumentException("attention map " + k + " has a different size than map 0 ("
                        + n + "x" + n + ")");
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    out[i][j] += maps.get(k)[i][j] / maps.size();
                }
            }
        }
        return out;
    }
}
