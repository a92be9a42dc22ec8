package org.bertgeometry.knime.nodes.fasta;

import java.util.Arrays;

/**
 * Where the FASTA Reader takes a record's class label from. The dialog shows and the settings store the
 * human-readable label, so that a user reading a saved workflow's settings sees the same words as in the dialog.
 */
enum LabelSource {
    /** No label column. */
    NONE("No label"),
    /** The value of a {@code key=value} pair in the header, e.g. {@code class=Alpha}. */
    KEY("Value of a key=value pair in the header"),
    /** The first group (or the whole match) of a regular expression searched in the header. */
    REGEX("Regular expression on the header");

    private final String m_label;

    LabelSource(final String label) {
        m_label = label;
    }

    String label() {
        return m_label;
    }

    static String[] labels() {
        return Arrays.stream(values()).map(LabelSource::label).toArray(String[]::new);
    }

    /** @return the source shown as {@code label}, or null when no source has that label */
    static LabelSource ofLabel(final String label) {
        return Arrays.stream(values()).filter(s -> s.m_label.equals(label)).findFirst().orElse(null);
    }
}
