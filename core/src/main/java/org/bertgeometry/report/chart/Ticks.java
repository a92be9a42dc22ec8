package org.bertgeometry.report.chart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Axis ticks at "nice" steps (1, 2, 2.5 or 5 times a power of ten) covering a data range, and their
 * labels. Labels use as many decimals as the step needs, printed with BigDecimal so they never show
 * binary round-off such as 0.30000000000000004.
 */
final class Ticks {

    private Ticks() {
    }

    /** A range padded so that a constant series still gets a visible axis. */
    static double[] range(double min, double max) {
        if (!(min <= max) || Double.isInfinite(min) || Double.isInfinite(max)) {
            return new double[] {0, 1};
        }
        if (min == max) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
            return new double[] {min - pad, max + pad};
        }
        return new double[] {min, max};
    }

    static double step(double min, double max, int target) {
        double raw = (max - min) / Math.max(1, target);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double[] mult = {1, 2, 2.5, 5, 10};
        for (double m : mult) {
            if (m * mag >= raw) {
                return m * mag;
            }
        }
        return 10 * mag;
    }

    /** Ticks inside [min, max] at the nice step for about {@code target} intervals. */
    static List<Double> ticks(double min, double max, int target) {
        double step = step(min, max, target);
        List<Double> out = new ArrayList<>();
        long first = (long) Math.ceil(min / step - 1e-9);
        long last = (long) Math.floor(max / step + 1e-9);
        for (long k = first; k <= last; k++) {
            out.add(k * step);
        }
        return out;
    }

    /** The range expanded outward to whole steps, so the frame starts and ends on a tick. */
    static double[] expand(double min, double max, int target) {
        double step = step(min, max, target);
        return new double[] {Math.floor(min / step + 1e-9) * step, Math.ceil(max / step - 1e-9) * step};
    }

    /** A short label for a tick value at this step. */
    static String label(double value, double step) {
        if (value == 0) {
            return "0";
        }
        double a = Math.abs(value);
        if (a >= 1e6 || a < 1e-4) {
            return String.format(java.util.Locale.ROOT, "%.2g", value);
        }
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        if (step * Math.pow(10, decimals) % 1 > 1e-6) {
            decimals++; // steps such as 2.5 need one more digit
        }
        return new BigDecimal(value).setScale(decimals, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    /** A compact label for a single value (colour bar ends, cell text): up to 4 significant digits. */
    static String value(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        if (a >= 1e5 || a < 1e-3) {
            return String.format(java.util.Locale.ROOT, "%.3g", v);
        }
        return new BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /**
     * A label for a value on a colour bar spanning [lo, hi]: as many decimals as a hundredth of the
     * span needs (so the ends and middle of one bar share a precision and tiny round-off prints as 0),
     * scientific notation for spans outside 1e-4 .. 1e6.
     */
    static String onRange(double v, double lo, double hi) {
        double span = hi - lo;
        if (!(span > 0) || span < 1e-4 || Math.max(Math.abs(lo), Math.abs(hi)) >= 1e6) {
            return value(v);
        }
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(span / 100)));
        String s = new BigDecimal(v).setScale(decimals, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString();
        return s.equals("-0") ? "0" : s;
    }
}
