package org.bertgeometry.report.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.util.List;

/**
 * A vertical legend: one swatch (line, dot or square) and one name per row, drawn to the right of a
 * plot so it never hides data.
 */
final class Legend {

    enum Swatch { LINE, DOT, SQUARE }

    static final int ROW = 18;
    static final int SWATCH = 22;

    private Legend() {
    }

    static int width(List<String> names) {
        return names.isEmpty() ? 0 : SWATCH + 6 + Canvas.maxWidth(Canvas.font(12), names) + 8;
    }

    static void draw(Canvas c, int x, int y, List<String> names, List<Color> colours, Swatch swatch) {
        Font saved = c.g.getFont();
        c.g.setFont(Canvas.font(12));
        FontMetrics m = c.g.getFontMetrics();
        for (int i = 0; i < names.size(); i++) {
            int cy = y + i * ROW + ROW / 2;
            c.g.setColor(colours.get(i));
            switch (swatch) {
                case LINE -> {
                    c.stroke(2.5f);
                    c.g.drawLine(x, cy, x + SWATCH - 4, cy);
                }
                case DOT -> c.g.fillOval(x + SWATCH / 2 - 5, cy - 5, 10, 10);
                case SQUARE -> c.g.fillRect(x + 2, cy - 6, 13, 13);
            }
            c.g.setColor(Canvas.INK);
            c.g.drawString(names.get(i), x + SWATCH + 6, cy + (m.getAscent() - m.getDescent()) / 2);
        }
        c.g.setFont(saved);
    }
}
