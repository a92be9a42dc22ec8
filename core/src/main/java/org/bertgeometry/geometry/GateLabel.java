package org.bertgeometry.geometry;

/**
 * The paper's seven attention-pattern names ("gates") plus {@link #UNCLASSIFIED}. The names are the
 * paper's; the rules that assign them ({@link GateClassifier}) are the project's own proposal,
 * because the paper's definitions were not available (docs/methods.md, "Attention gates").
 */
public enum GateLabel {
    CLOSED_GATE,
    DIRECTIONAL_GATE,
    OPEN_GATE,
    BACKWARD_CONTEXTUAL_GATE,
    FORWARD_CONTEXTUAL_GATE,
    INSTANCE_GATE,
    CLUSTER_HEAD,
    UNCLASSIFIED;

    /** Lower-case name with hyphens, used in CSV output (e.g. {@code backward-contextual-gate}). */
    public String csvName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
