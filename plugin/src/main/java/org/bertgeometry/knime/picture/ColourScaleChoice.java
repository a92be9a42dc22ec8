package org.bertgeometry.knime.picture;

import java.util.Arrays;

import org.bertgeometry.report.chart.ColorScale;

/** The colour scales a user can pick for heatmaps and confusion matrices, under the names the dialog shows. */
enum ColourScaleChoice {
    PERCEPTUAL("Dark violet to yellow (perceptual)", ColorScale.perceptual()),
    WHITE_TO_BLUE("White to dark blue", ColorScale.whiteToBlue());

    private final String m_label;
    private final ColorScale m_scale;

    ColourScaleChoice(final String label, final ColorScale scale) {
        m_label = label;
        m_scale = scale;
    }

    String label() {
        return m_label;
    }

    ColorScale scale() {
        return m_scale;
    }

    static String[] labels() {
        return Arrays.stream(values()).map(ColourScaleChoice::label).toArray(String[]::new);
    }

    /** @return the choice shown as {@code label}, or null */
    static ColourScaleChoice ofLabel(final String label) {
        return Arrays.stream(values()).filter(c -> c.m_label.equals(label)).findFirst().orElse(null);
    }
}
