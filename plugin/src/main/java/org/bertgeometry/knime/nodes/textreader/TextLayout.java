package org.bertgeometry.knime.nodes.textreader;

import java.util.Arrays;
import java.util.Optional;

import org.bertgeometry.knime.nodes.Choice;

/**
 * How the Text Reader splits a file into texts. The settings store the constant's name, the dialog shows the
 * words of {@link #choice}.
 */
enum TextLayout {
    /** Every non-blank line is one text; no header, no label. */
    LINES("One text per line", "Every non-blank line is one text (no header, no label column)"),
    /** A header row names the columns; fields are separated by tabs, no quoting. */
    TAB_SEPARATED("Tab-separated with a header row",
        "The first line names the columns; the text column and, optionally, the label column are chosen by name");

    private final String m_text;
    private final String m_toolTip;

    TextLayout(final String text, final String toolTip) {
        m_text = text;
        m_toolTip = toolTip;
    }

    /** The radio button of this layout; {@link #LINES} is the default. */
    Choice choice() {
        return new Choice(name(), m_text, m_toolTip, this == LINES);
    }

    static Choice[] choices() {
        return Arrays.stream(values()).map(TextLayout::choice).toArray(Choice[]::new);
    }

    /** @return the layout stored as {@code name}, empty for anything else */
    static Optional<TextLayout> ofName(final String name) {
        return Arrays.stream(values()).filter(l -> l.name().equals(name)).findFirst();
    }
}
