package org.bertgeometry.report.chart;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Points coloured by class with a legend: for example the first two principal components of the CLS
 * vectors, one colour per lineage. Classes are ordered alphabetically (legend and colours), so the
 * same classes get the same colours whatever order the rows come in. Points are drawn in input order
 * with a thin white outline, so overlapping clusters stay distinguishable.
 */
public final class ScatterPlot {

    /**
     * How the plot looks.
     *
     * @param title     text above the plot (default empty)
     * @param xLabel    x axis title (default empty)
     * @param yLabel    y axis title (default empty)
     * @param width     image width in pixels (default 720, at least 200)
     * @param height    image height in pixels (default 540, at least 150)
     * @param pointSize dot diameter in pixels (default 7, 1 to 40)
     */
    public record Options(String title, String xLabel, String yLabel, int width, int height, int pointSize) {
        public Options {
            title = title == null ? "" : title;
            xLabel = xLabel == null ? "" : xLabel;
            yLabel = yLabel == null ? "" : yLabel;
            if (width < 200 || height < 150) {
                throw new IllegalArgumentException("scatter plot must be at least 200 x 150 pixels, got " + width + " x " + height);
            }
            if (pointSize < 1 || pointSize > 40) {
                throw new IllegalArgumentException("pointSize must be 1 to 40 pixels, got " + pointSize);
            }
        }

        public static Options defaults() {
            return new Options("", "", "", 720, 540, 7);
        }

        public Options withTitle(String t) {
            return new Options(t, xLabel, yLabel, width, height, pointSize);
        }

        public Options withAxes(String x, String y) {
            return new Options(title, x, y, width, height, pointSize);
        }

        public Options withSize(int w, int h) {
            return new Options(title, xLabel, yLabel, w, h, pointSize);
        }
    }

    private ScatterPlot() {
    }

    /**
     * Draws point i at (x[i], y[i]) in the colour of {@code classes.get(i)}. All three have the same
     * non-zero length; coordinates must be finite (a NaN would otherwise silently vanish).
     */
    public static BufferedImage render(double[] x, double[] y, List<String> classes, Options o) {
        if (x.length != y.length || x.length != classes.size() || x.length == 0) {
            throw new IllegalArgumentException("need the same non-zero number of x, y and classes, got "
                    + x.length + ", " + y.length + " and " + classes.size());
        }
        double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("point " + i + " is not finite: (" + x[i] + ", " + y[i] + ")");
            }
            if (classes.get(i) == null) {
                throw new IllegalArgumentException("point " + i + " has no class");
            }
            xMin = Math.min(xMin, x[i]);
            xMax = Math.max(xMax, x[i]);
            yMin = Math.min(yMin, y[i]);
            yMax = Math.max(yMax, y[i]);
        }
        double[] xr = Ticks.range(xMin, xMax);
        double[] yr = Ticks.range(yMin, yMax);
        double xPad = (xr[1] - xr[0]) * 0.04;
        double yPad = (yr[1] - yr[0]) * 0.04;
        xr = Ticks.expand(xr[0] - xPad, xr[1] + xPad, XYFrame.TICK_TARGET);
        yr = Ticks.expand(yr[0] - yPad, yr[1] + yPad, XYFrame.TICK_TARGET);
        List<String> names = new ArrayList<>(new TreeSet<>(classes));
        List<Color> colours = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            colours.add(Palette.colour(i));
        }
        int top = o.title().isEmpty() ? 14 : 40;
        int left = 14 + (o.yLabel().isEmpty() ? 0 : 20) + XYFrame.yLabelWidth(yr[0], yr[1]) + 8;
        int right = Legend.width(names) + 20;
        int bottom = o.xLabel().isEmpty() ? 30 : 50;
        XYFrame f = new XYFrame(left, top, Math.max(40, o.width() - left - right),
                Math.max(40, o.height() - top - bottom), xr[0], xr[1], yr[0], yr[1]);
        Canvas c = new Canvas(o.width(), o.height());
        if (!o.title().isEmpty()) {
            c.g.setFont(Canvas.bold(15));
            c.centred(o.title(), o.width() / 2.0, 20);
        }
        f.drawAxes(c, o.xLabel(), o.yLabel(), false);
        double d = o.pointSize();
        c.stroke(0.8f);
        for (int i = 0; i < x.length; i++) {
            Ellipse2D.Double dot = new Ellipse2D.Double(f.px(x[i]) - d / 2, f.py(y[i]) - d / 2, d, d);
            c.g.setColor(colours.get(names.indexOf(classes.get(i))));
            c.g.fill(dot);
            c.g.setColor(Color.WHITE);
            c.g.draw(dot);
        }
        Legend.draw(c, f.left + f.width + 14, f.top, names, colours, Legend.Swatch.DOT);
        return c.finish();
    }

    /** Draws the points and writes them as a PNG file. */
    public static void write(double[] x, double[] y, List<String> classes, Options o, Path file) throws IOException {
        Png.write(render(x, y, classes, o), file);
    }
}
