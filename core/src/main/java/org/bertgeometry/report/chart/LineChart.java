package org.bertgeometry.report.chart;

import java.awt.Color;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Several named series of (x, y) points joined by lines, with axes, ticks, grid and a legend to the
 * right: training curves (loss or accuracy per epoch), the cone index per layer. A NaN y leaves a
 * gap in its line instead of being drawn at zero.
 */
public final class LineChart {

    /**
     * One line. {@code x} and {@code y} have the same non-zero length; x must be finite.
     */
    public record Series(String name, double[] x, double[] y) {
        public Series {
            Objects.requireNonNull(name, "series name");
            if (x.length != y.length || x.length == 0) {
                throw new IllegalArgumentException("series '" + name + "': need the same non-zero number of x and y"
                        + " values, got " + x.length + " and " + y.length);
            }
            for (double v : x) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("series '" + name + "': x values must be finite, got " + v);
                }
            }
            x = x.clone();
            y = y.clone();
        }

        /** A series whose x values are {@code firstX, firstX + 1, ...} (epochs from 1, layers from 0). */
        public static Series indexed(String name, double[] y, int firstX) {
            double[] x = new double[y.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = firstX + i;
            }
            return new Series(name, x, y);
        }
    }

    /**
     * How the chart looks.
     *
     * @param title    text above the plot (default empty: no title)
     * @param xLabel   x axis title (default empty)
     * @param yLabel   y axis title (default empty)
     * @param width    image width in pixels (default 800, at least 200)
     * @param height   image height in pixels (default 480, at least 150)
     * @param yMin     fixed lower end of the y axis, or null to fit the data (default null)
     * @param yMax     fixed upper end of the y axis, or null to fit the data (default null)
     * @param markers  draw a dot at every point (default true)
     * @param integerX x ticks at whole numbers only, for epochs and layers (default true)
     */
    public record Options(String title, String xLabel, String yLabel, int width, int height, Double yMin, Double yMax,
                          boolean markers, boolean integerX) {
        public Options {
            title = title == null ? "" : title;
            xLabel = xLabel == null ? "" : xLabel;
            yLabel = yLabel == null ? "" : yLabel;
            if (width < 200 || height < 150) {
                throw new IllegalArgumentException("line chart must be at least 200 x 150 pixels, got " + width + " x " + height);
            }
            if (yMin != null && yMax != null && !(yMin < yMax)) {
                throw new IllegalArgumentException("yMin must be below yMax, got " + yMin + " and " + yMax);
            }
        }

        public static Options defaults() {
            return new Options("", "", "", 800, 480, null, null, true, true);
        }

        public Options withTitle(String t) {
            return new Options(t, xLabel, yLabel, width, height, yMin, yMax, markers, integerX);
        }

        public Options withAxes(String x, String y) {
            return new Options(title, x, y, width, height, yMin, yMax, markers, integerX);
        }

        public Options withYRange(Double min, Double max) {
            return new Options(title, xLabel, yLabel, width, height, min, max, markers, integerX);
        }

        public Options withSize(int w, int h) {
            return new Options(title, xLabel, yLabel, w, h, yMin, yMax, markers, integerX);
        }

        public Options withIntegerX(boolean b) {
            return new Options(title, xLabel, yLabel, width, height, yMin, yMax, markers, b);
        }
    }

    private LineChart() {
    }

    /** Draws the series (at least one) into a new image. */
    public static BufferedImage render(List<Series> series, Options o) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a line chart needs at least one series");
        }
        double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY;
        double yLo = Double.POSITIVE_INFINITY, yHi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                xMin = Math.min(xMin, s.x()[i]);
                xMax = Math.max(xMax, s.x()[i]);
                if (Double.isFinite(s.y()[i])) {
                    yLo = Math.min(yLo, s.y()[i]);
                    yHi = Math.max(yHi, s.y()[i]);
                }
            }
        }
        double[] xr = Ticks.range(xMin, xMax);
        double[] yr = Ticks.range(yLo, yHi);
        if (o.yMin() == null || o.yMax() == null) {
            yr = Ticks.expand(yr[0], yr[1], XYFrame.TICK_TARGET);
        }
        double y0 = o.yMin() != null ? o.yMin() : yr[0];
        double y1 = o.yMax() != null ? o.yMax() : yr[1];
        if (!(y0 < y1)) {
            y1 = y0 + 1;
        }
        List<String> names = new ArrayList<>();
        List<Color> colours = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            names.add(series.get(i).name());
            colours.add(Palette.colour(i));
        }
        int top = o.title().isEmpty() ? 14 : 40;
        int left = 14 + (o.yLabel().isEmpty() ? 0 : 20) + XYFrame.yLabelWidth(y0, y1) + 8;
        int right = Legend.width(names) + 20;
        int bottom = o.xLabel().isEmpty() ? 30 : 50;
        XYFrame f = new XYFrame(left, top, Math.max(40, o.width() - left - right),
                Math.max(40, o.height() - top - bottom), xr[0], xr[1], y0, y1);

        Canvas c = new Canvas(o.width(), o.height());
        if (!o.title().isEmpty()) {
            c.g.setFont(Canvas.bold(15));
            c.centred(o.title(), o.width() / 2.0, 20);
        }
        f.drawAxes(c, o.xLabel(), o.yLabel(), o.integerX() && isWhole(xr));
        java.awt.Shape savedClip = c.g.getClip();
        c.g.clipRect(f.left, f.top, f.width + 1, f.height + 1);
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            c.g.setColor(colours.get(i));
            c.stroke(2f);
            Path2D.Double path = new Path2D.Double();
            boolean pen = false;
            for (int k = 0; k < s.x().length; k++) {
                double yv = s.y()[k];
                if (!Double.isFinite(yv)) {
                    pen = false;
                    continue;
                }
                if (pen) {
                    path.lineTo(f.px(s.x()[k]), f.py(yv));
                } else {
                    path.moveTo(f.px(s.x()[k]), f.py(yv));
                    pen = true;
                }
            }
            c.g.draw(path);
            if (o.markers()) {
                for (int k = 0; k < s.x().length; k++) {
                    if (Double.isFinite(s.y()[k])) {
                        c.g.fill(new java.awt.geom.Ellipse2D.Double(f.px(s.x()[k]) - 3, f.py(s.y()[k]) - 3, 6, 6));
                    }
                }
            }
        }
        c.g.setClip(savedClip);
        Legend.draw(c, f.left + f.width + 14, f.top, names, colours, Legend.Swatch.LINE);
        return c.finish();
    }

    private static boolean isWhole(double[] r) {
        return r[0] == Math.rint(r[0]) && r[1] == Math.rint(r[1]);
    }

    /** Draws the series and writes them as a PNG file. */
    public static void write(List<Series> series, Options o, Path file) throws IOException {
        Png.write(render(series, o), file);
    }
}
