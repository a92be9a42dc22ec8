package org.bertgeometry.knime.nodes.pattern;

import java.util.Arrays;
import java.util.List;

import org.bertgeometry.geometry.KmerLabels;
import org.bertgeometry.knime.picture.PictureSheet;

/**
 * How the axes of the Pattern Classifier's class-mean heatmaps are labelled: by token position (0 is [CLS]; any
 * model) or by the amino acids a 12-mer taken at stride 9 covers (the case study's spike models; docs/methods.md,
 * "Heatmaps and position lists").
 */
enum TickLabels {
    POSITIONS("Token positions (0 = [CLS])"),
    AMINO_ACIDS("Amino acids of 12-mers at stride 9 (spike models)");

    private final String m_label;

    TickLabels(final String label) {
        m_label = label;
    }

    String label() {
        return m_label;
    }

    static String[] labels() {
        return Arrays.stream(values()).map(TickLabels::label).toArray(String[]::new);
    }

    static TickLabels ofLabel(final String label) {
        return Arrays.stream(values()).filter(t -> t.m_label.equals(label)).findFirst().orElse(null);
    }

    /** Tick labels of positions 0..n-1. */
    List<String> ticks(final int n) {
        return this == AMINO_ACIDS ? Arrays.asList(KmerLabels.labels(n, KmerLabels.DEFAULT_K)) : PictureSheet.indices(n);
    }

    /** Axis title of the key (x) or query (y) side. */
    String axis(final String side) {
        return side + (this == AMINO_ACIDS ? " (amino acids)" : " position");
    }
}
