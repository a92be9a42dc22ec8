package org.bertgeometry.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;

/**
 * The rectangle where numeric data is drawn, with its data ranges: maps data to pixels and draws
 * grid lines, the axis box, tick labels and axis titles. Shared by the line chart and scatter plot so
 * both look alike.
 */
final class XYFrame {

    static final int TICK_TARGET = 6;

    final int left;
    final int top;
    final int width;
    final int height;
    final double xMin;
    final double xMax;
    final double yMin;
    final double yMax;

    XYFrame(int left, int top, int width, int height, double xMin, double xMax, double yMin, double yMax) {
        this.left = left;
        this.top = top;
        this.width = width;
        this.height = height;
        this.xMin = xMin;
        this.xMax = xMax;
        this.yMin = yMin;
        this.yMax = yMax;
    }

    double px(double x) {
        return left + (x - xMin) / (xMax - xMin) * width;
    }

    double py(double y) {
        return top + height - (y - yMin) / (yMax - yMin) * height;
    }

    /** Widest y tick label for a range, so callers can size the left margin before building a frame. */
    static int yLabelWidth(double yMin, double yMax) {
        double step = Ticks.step(yMin, yMax, TICK_TARGET);
        int w = 0;
        for (double t : Ticks.ticks(yMin, yMax, TICK_TARGET)) {
            w = Math.max(w, Canvas.width(Canvas.font(12), Ticks.label(t, step)));
        }
        return w;
    }

    void drawAxes(Canvas c, String xTitle, String yTitle, boolean integerX) {
        double xStep = Ticks.step(xMin, xMax, TICK_TARGET);
        if (integerX) {
            xStep = Math.max(1, Math.ceil(xStep));
        }
        double yStep = Ticks.step(yMin, yMax, TICK_TARGET);
        List<Double> xs = integerX ? integerTicks(xStep) : Ticks.ticks(xMin, xMax, TICK_TARGET);
        List<Double> ys = Ticks.ticks(yMin, yMax, TICK_TARGET);
        c.g.setStroke(new BasicStroke(1f));
        c.g.setColor(Canvas.GRID);
        for (double y : ys) {
            int p = (int) Math.round(py(y));
            c.g.drawLine(left, p, left + width, p);
        }
        for (double x : xs) {
            int p = (int) Math.round(px(x));
            c.g.drawLine(p, top, p, top + height);
        }
        c.g.setColor(Canvas.INK);
        c.g.drawRect(left, top, width, height);
        c.g.setFont(Canvas.font(12));
        for (double y : ys) {
            int p = (int) Math.round(py(y));
            c.g.drawLine(left - 4, p, left, p);
            c.rightAligned(Ticks.label(y, yStep), left - 7, p);
        }
        for (double x : xs) {
            int p = (int) Math.round(px(x));
            c.g.drawLine(p, top + height, p, top + height + 4);
            c.centred(integerX ? Long.toString(Math.round(x)) : Ticks.label(x, xStep), p, top + height + 14);
        }
        c.g.setFont(Canvas.font(13));
        if (xTitle != null && !xTitle.isEmpty()) {
            c.centred(xTitle, left + width / 2.0, top + height + 34);
        }
        if (yTitle != null && !yTitle.isEmpty()) {
            c.upwardCentred(yTitle, left - yLabelWidth(yMin, yMax) - 20, top + height / 2.0);
        }
        c.g.setColor(Color.BLACK);
    }

    private List<Double> integerTicks(double step) {
        List<Double> out = new java.util.ArrayList<>();
        for (double x = Math.ceil(xMin / step) * step; x <= xMax + 1e-9; x += step) {
            out.add(x);
        }
        return out;
    }
}
