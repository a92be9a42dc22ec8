package org.bertgeometry.report.chart;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Vertical bars per category, one bar per series side by side (grouped), growing from zero so
 * negative values point down: per-class F1, counts of gate labels, per-layer statistics. A legend is
 * drawn when there is more than one series. Category labels are turned upright when they would
 * overlap horizontally. NaN values draw no bar (and no value label) rather than a bar of height zero.
 */
public final class BarChart {

    /** One bar per category, in the order of the categories. */
    public record Series(String name, double[] values) {
        public Series {
            Objects.requireNonNull(name, "series name");
            values = values.clone();
        }
    }

    /**
     * How the chart looks.
     *
     * @param title       text above the plot (default empty)
     * @param xLabel      category axis title (default empty)
     * @param yLabel      value axis title (default empty)
     * @param width       image width in pixels (default 800, at least 200)
     * @param height      image height in pixels (default 480, at least 150)
     * @param valueLabels print each value above its bar (default false)
     */
    public record Options(String title, String xLabel, String yLabel, int width, int height, boolean valueLabels) {
        public Options {
            title = title == null ? "" : title;
            xLabel = xLabel == null ? "" : xLabel;
            yLabel = yLabel == null ? "" : yLabel;
            if (width < 200 || height < 150) {
                throw new IllegalArgumentException("bar chart must be at least 200 x 150 pixels, got " + width + " x " + height);
            }
        }

        public static Options defaults() {
            return new Options("", "", "", 800, 480, false);
        }

        public Options withTitle(String t) {
            return new Options(t, xLabel, yLabel, width, height, valueLabels);
        }

        public Options withAxes(String x, String y) {
            return new Options(title, x, y, width, height, valueLabels);
        }

        public Options withSize(int w, int h) {
            return new Options(title, xLabel, yLabel, w, h, valueLabels);
        }

        public Options withValueLabels(boolean b) {
            return new Options(title, xLabel, yLabel, width, height, b);
        }
    }

    private BarChart() {
    }

    /** Draws the bars; every series has one value per category. */
    public static BufferedImage render(List<String> categories, List<Series> series, Options o) {
        if (categories.isEmpty() || series.isEmpty()) {
            throw new IllegalArgumentException("a bar chart needs at least one category and one series");
        }
        double lo = 0, hi = 0;
        for (Series s : series) {
            if (s.values().length != categories.size()) {
                throw new IllegalArgumentException("series '" + s.name() + "' has " + s.values().length
                        + " values for " + categories.size() + " categories");
            }
            for (double v : s.values()) {
                if (Double.isInfinite(v)) {
                    throw new IllegalArgumentException("series '" + s.name() + "' has an infinite value");
                }
                if (!Double.isNaN(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        double[] yr = Ticks.range(lo, hi);
        yr = Ticks.expand(yr[0], yr[1] + (o.valueLabels() ? (yr[1] - yr[0]) * 0.06 : 0), XYFrame.TICK_TARGET);
        List<String> names = new ArrayList<>();
        List<Color> colours = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            names.add(series.get(i).name());
            colours.add(Palette.colour(i));
        }
        List<String> legendNames = series.size() > 1 ? names : List.of();
        int top = o.title().isEmpty() ? 14 : 40;
        int left = 14 + (o.yLabel().isEmpty() ? 0 : 20) + XYFrame.yLabelWidth(yr[0], yr[1]) + 8;
        int right = Legend.width(legendNames) + 20;
        int plotW = Math.max(40, o.width() - left - right);
        double slot = (double) plotW / categories.size();
        int labelW = Canvas.maxWidth(Canvas.font(12), categories);
        boolean upright = labelW + 6 > slot;
        int labelSpace = upright ? Math.min(labelW, o.height() / 3) + 10 : 20;
        int bottom = labelSpace + (o.xLabel().isEmpty() ? 10 : 30);
        int plotH = Math.max(40, o.height() - top - bottom);
        XYFrame f = new XYFrame(left, top, plotW, plotH, 0, categories.size(), yr[0], yr[1]);

        Canvas c = new Canvas(o.width(), o.height());
        if (!o.title().isEmpty()) {
            c.g.setFont(Canvas.bold(15));
            c.centred(o.title(), o.width() / 2.0, 20);
        }
        double yStep = Ticks.step(yr[0], yr[1], XYFrame.TICK_TARGET);
        c.g.setFont(Canvas.font(12));
        for (double t : Ticks.ticks(yr[0], yr[1], XYFrame.TICK_TARGET)) {
            int p = (int) Math.round(f.py(t));
            c.g.setColor(Canvas.GRID);
            c.g.drawLine(f.left, p, f.left + f.width, p);
            c.g.setColor(Canvas.INK);
            c.g.drawLine(f.left - 4, p, f.left, p);
            c.rightAligned(Ticks.label(t, yStep), f.left - 7, p);
        }
        double groupW = slot * 0.8;
        double barW = groupW / series.size();
        int zero = (int) Math.round(f.py(0));
        for (int k = 0; k < categories.size(); k++) {
            double x0 = f.left + k * slot + (slot - groupW) / 2;
            for (int s = 0; s < series.size(); s++) {
                double v = series.get(s).values()[k];
                if (Double.isNaN(v)) {
                    continue;
                }
                int xa = (int) Math.round(x0 + s * barW);
                int xb = (int) Math.round(x0 + (s + 1) * barW);
                int yv = (int) Math.round(f.py(v));
                c.g.setColor(colours.get(s));
                c.g.fillRect(xa, Math.min(yv, zero), Math.max(1, xb - xa - 1), Math.abs(zero - yv));
                if (o.valueLabels()) {
                    c.g.setColor(Canvas.INK);
                    c.g.setFont(Canvas.font(10));
                    c.centred(Ticks.value(v), (xa + xb) / 2.0, v >= 0 ? yv - 7 : yv + 9);
                    c.g.setFont(Canvas.font(12));
                }
            }
            c.g.setColor(Canvas.INK);
            double cx = f.left + (k + 0.5) * slot;
            if (upright) {
                c.upwardEndingAt(fit(categories.get(k), o.height() / 3), cx, f.top + f.height + 6);
            } else {
                c.centred(categories.get(k), cx, f.top + f.height + 12);
            }
        }
        c.g.setColor(Canvas.INK);
        c.g.drawRect(f.left, f.top, f.width, f.height);
        c.g.drawLine(f.left, zero, f.left + f.width, zero);
        c.g.setFont(Canvas.font(13));
        if (!o.xLabel().isEmpty()) {
            c.centred(o.xLabel(), f.left + f.width / 2.0, o.height() - 14);
        }
        if (!o.yLabel().isEmpty()) {
            c.upwardCentred(o.yLabel(), f.left - XYFrame.yLabelWidth(yr[0], yr[1]) - 20, f.top + f.height / 2.0);
        }
        Legend.draw(c, f.left + f.width + 14, f.top, legendNames, colours, Legend.Swatch.SQUARE);
        return c.finish();
    }

    /** Shortens a label with an ellipsis so it fits {@code maxPx} pixels. */
    static String fit(String label, int maxPx) {
        if (Canvas.width(Canvas.font(12), label) <= maxPx) {
            return label;
        }
        String s = label;
        while (s.length() > 1 && Canvas.width(Canvas.font(12), s + "…") > maxPx) {
            s = s.substring(0, s.length() - 1);
        }
        return s + "…";
    }

    /** Draws the bars and writes them as a PNG file. */
    public static void write(List<String> categories, List<Series> series, Options o, Path file) throws IOException {
        Png.write(render(categories, series, o), file);
    }
}
