package org.bertgeometry.report.chart;

import java.awt.Color;
import java.util.List;

/**
 * Distinct colours for categories (series, classes, gate labels). This project's own set of ten
 * hand-picked, mid-lightness hues that stay apart on white paper; beyond ten, the colours repeat
 * (a chart with more categories should group them instead).
 */
public final class Palette {

    private static final List<Color> COLOURS = List.of(
            new Color(31, 100, 180),   // blue
            new Color(230, 120, 20),   // orange
            new Color(40, 150, 60),    // green
            new Color(200, 40, 50),    // red
            new Color(140, 90, 190),   // purple
            new Color(130, 85, 60),    // brown
            new Color(220, 110, 180),  // pink
            new Color(110, 110, 110),  // grey
            new Color(170, 170, 30),   // olive
            new Color(20, 170, 190));  // cyan

    private Palette() {
    }

    /** The colour of category {@code index} (0-based; cycles after ten). */
    public static Color colour(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("category index must be >= 0, got " + index);
        }
        return COLOURS.get(index % COLOURS.size());
    }

    /** How many distinct colours there are before they repeat. */
    public static int size() {
        return COLOURS.size();
    }
}
