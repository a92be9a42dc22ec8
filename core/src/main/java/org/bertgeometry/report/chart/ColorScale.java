package org.bertgeometry.report.chart;

import java.awt.Color;
import java.util.List;

/**
 * A continuous colour scale: a few anchor colours spaced evenly over [0, 1] with straight-line
 * interpolation between neighbours in sRGB. {@link #perceptual()} is this project's own five-anchor
 * dark-violet to yellow ramp, chosen so lightness rises monotonically (readable in grey print and
 * by most colour-blind readers), in the spirit of viridis but not its colour table. Position 0 is
 * exactly the first anchor and position 1 exactly the last, which the tests rely on.
 */
public record ColorScale(List<Color> anchors) {

    public ColorScale {
        anchors = List.copyOf(anchors);
        if (anchors.size() < 2) {
            throw new IllegalArgumentException("a colour scale needs at least two anchors");
        }
    }

    /** Dark violet, blue, teal, green, yellow: the default for heatmaps and the confusion matrix. */
    public static ColorScale perceptual() {
        return new ColorScale(List.of(
                new Color(64, 4, 80),
                new Color(56, 82, 140),
                new Color(30, 142, 138),
                new Color(96, 196, 92),
                new Color(248, 228, 36)));
    }

    /** White to a dark blue: for scales where zero should look like empty paper. */
    public static ColorScale whiteToBlue() {
        return new ColorScale(List.of(new Color(255, 255, 255), new Color(120, 170, 215), new Color(20, 50, 120)));
    }

    /** The colour at {@code t}; values outside [0, 1] are clamped, NaN gives the bottom colour. */
    public Color at(double t) {
        return new Color(rgbAt(t));
    }

    /** The packed 0xRRGGBB colour at {@code t}, as {@link #at(double)}. */
    public int rgbAt(double t) {
        double u = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
        int segments = anchors.size() - 1;
        double pos = u * segments;
        int i = Math.min((int) Math.floor(pos), segments - 1);
        double f = pos - i;
        Color a = anchors.get(i);
        Color b = anchors.get(i + 1);
        int r = (int) Math.round(a.getRed() + f * (b.getRed() - a.getRed()));
        int g = (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen()));
        int bl = (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue()));
        return (r << 16) | (g << 8) | bl;
    }

    /** The first anchor: the colour of the minimum. */
    public Color bottom() {
        return anchors.get(0);
    }

    /** The last anchor: the colour of the maximum. */
    public Color top() {
        return anchors.get(anchors.size() - 1);
    }
}
