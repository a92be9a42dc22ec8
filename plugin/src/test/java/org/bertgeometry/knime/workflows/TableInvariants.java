package org.bertgeometry.knime.workflows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.node.BufferedDataTable;

/**
 * Properties an output must hold in every row whatever the trained weights, for outputs whose values no
 * independent source can give (a model trained in the workflow). Named in testflow.properties as
 * {@code invariants.node<id>.port<p>=<name>,<name>}; both workflow runners check them after the expected table.
 * Each follows from the definitions in docs/methods.md ("Directionality of subspace selection"), not from a run:
 * <ul>
 * <li>{@code frobenius-split}: M = S + K with S symmetric and K skew, which are orthogonal in the Frobenius inner
 * product, so ||M||² = ||S||² + ||K||² (relative tolerance 1e-6, float32 weights);</li>
 * <li>{@code delta-ratio}: the directionality index is δ = ||K|| / ||M||, hence also 0 ≤ δ ≤ 1;</li>
 * <li>{@code angle-order}: principal angles lie in [0°, 90°] and min ≤ mean ≤ max.</li>
 * </ul>
 */
final class TableInvariants {
    private static final double REL = 1e-6;

    private TableInvariants() {
    }

    /** One invariant over a row, read through column names; returns a problem or null. */
    private interface Invariant {
        String check(ToDoubleFunction<String> col);
    }

    private static final Map<String, Invariant> INVARIANTS = Map.of(
        "frobenius-split", c -> {
            double m = c.applyAsDouble("norm_M");
            double split = Math.sqrt(sq(c.applyAsDouble("norm_symmetric")) + sq(c.applyAsDouble("norm_skew")));
            return Math.abs(m - split) <= REL * Math.max(1, m) ? null
                : "norm_M " + m + " but sqrt(norm_symmetric^2 + norm_skew^2) = " + split;
        },
        "delta-ratio", c -> {
            double m = c.applyAsDouble("norm_M");
            double d = c.applyAsDouble("delta");
            double ratio = c.applyAsDouble("norm_skew") / m;
            return d >= 0 && d <= 1 && Math.abs(d - ratio) <= REL ? null
                : "delta " + d + " but norm_skew / norm_M = " + ratio + " (and delta must lie in [0, 1])";
        },
        "angle-order", c -> {
            double lo = c.applyAsDouble("min_principal_angle_deg");
            double mean = c.applyAsDouble("mean_principal_angle_deg");
            double hi = c.applyAsDouble("max_principal_angle_deg");
            return 0 <= lo && lo <= mean + REL && mean <= hi + REL && hi <= 90 + REL ? null
                : "principal angles min " + lo + ", mean " + mean + ", max " + hi + " break 0 <= min <= mean <= max <= 90";
        });

    /** @return the problems, per row and invariant; unknown names and missing cells are problems too */
    static List<String> check(final String names, final BufferedDataTable table) {
        List<String> problems = new ArrayList<>();
        DataTableSpec spec = table.getDataTableSpec();
        long r = 0;
        for (DataRow row : table) {
            long rowIndex = r++;
            ToDoubleFunction<String> col = name -> {
                int i = spec.findColumnIndex(name);
                DataCell cell = i < 0 ? null : row.getCell(i);
                if (!(cell instanceof DoubleValue v)) {
                    throw new IllegalArgumentException("row " + rowIndex + ": column '" + name + "' has no number");
                }
                return v.getDoubleValue();
            };
            for (String name : names.split(",")) {
                Invariant inv = INVARIANTS.get(name.trim());
                try {
                    String p = inv == null ? "unknown invariant '" + name.trim() + "'" : inv.check(col);
                    if (p != null) {
                        problems.add("row " + rowIndex + ", " + name.trim() + ": " + p);
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(name.trim() + ": " + e.getMessage());
                }
            }
        }
        return problems;
    }

    private static double sq(final double x) {
        return x * x;
    }
}
