package org.bertgeometry.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * One white RGB image with a Graphics2D set up the same way for every chart: anti-aliased shapes and
 * text, integer font metrics (fractional metrics vary between platforms), the logical SansSerif font.
 * Also measures text before an image exists, so charts can size their margins first.
 */
final class Canvas {

    static final Color INK = new Color(40, 40, 40);
    static final Color GRID = new Color(225, 225, 225);
    static final Color MISSING = new Color(200, 200, 200);

    final BufferedImage image;
    final Graphics2D g;

    Canvas(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        configure(g);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(INK);
        g.setFont(font(12));
    }

    static Font font(int size) {
        return new Font(Font.SANS_SERIF, Font.PLAIN, size);
    }

    static Font bold(int size) {
        return new Font(Font.SANS_SERIF, Font.BOLD, size);
    }

    private static void configure(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_NORMALIZE);
    }

    /** Metrics of {@code font} with the same hints as a real canvas, usable before the image is sized. */
    static FontMetrics metrics(Font font) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D sg = scratch.createGraphics();
        configure(sg);
        FontMetrics m = sg.getFontMetrics(font);
        sg.dispose();
        return m;
    }

    static int width(Font font, String text) {
        return metrics(font).stringWidth(text);
    }

    static int maxWidth(Font font, Iterable<String> texts) {
        FontMetrics m = metrics(font);
        int w = 0;
        for (String t : texts) {
            if (t != null) {
                w = Math.max(w, m.stringWidth(t));
            }
        }
        return w;
    }

    void stroke(float width) {
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    }

    /** Draws {@code text} with its horizontal centre at x and its vertical centre at y. */
    void centred(String text, double x, double y) {
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, (float) (x - m.stringWidth(text) / 2.0),
                (float) (y + (m.getAscent() - m.getDescent()) / 2.0));
    }

    /** Draws {@code text} ending at x (right-aligned), vertically centred at y. */
    void rightAligned(String text, double x, double y) {
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, (float) (x - m.stringWidth(text)), (float) (y + (m.getAscent() - m.getDescent()) / 2.0));
    }

    /** Draws {@code text} starting at x, vertically centred at y. */
    void leftAligned(String text, double x, double y) {
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, (float) x, (float) (y + (m.getAscent() - m.getDescent()) / 2.0));
    }

    /** Draws {@code text} rotated 90 degrees anticlockwise, reading upward, its end at y and centred on x. */
    void upwardEndingAt(String text, double x, double y) {
        AffineTransform saved = g.getTransform();
        FontMetrics m = g.getFontMetrics();
        g.translate(x, y);
        g.rotate(-Math.PI / 2);
        g.drawString(text, (float) -m.stringWidth(text), (float) ((m.getAscent() - m.getDescent()) / 2.0));
        g.setTransform(saved);
    }

    /** Draws {@code text} rotated 90 degrees anticlockwise, centred on (x, y). */
    void upwardCentred(String text, double x, double y) {
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        g.rotate(-Math.PI / 2);
        centred(text, 0, 0);
        g.setTransform(saved);
    }

    /** Black or white, whichever reads better on {@code background} (by relative luminance). */
    static Color textOn(Color background) {
        double lum = 0.2126 * background.getRed() + 0.7152 * background.getGreen() + 0.0722 * background.getBlue();
        return lum > 140 ? Color.BLACK : Color.WHITE;
    }

    BufferedImage finish() {
        g.dispose();
        return image;
    }
}
