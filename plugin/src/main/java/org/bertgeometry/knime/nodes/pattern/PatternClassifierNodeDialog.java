package org.bertgeometry.knime.nodes.pattern;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;

/** Dialog of the Attention Pattern Classifier node. */
final class PatternClassifierNodeDialog extends DefaultNodeSettingsPane {
    PatternClassifierNodeDialog() {
        addDialogComponent(new DialogComponentBoolean(
            new SettingsModelBoolean(PatternClassifierNodeModel.CFG_SAMPLES, false),
            "Also classify the stored per-sample maps"));
        addDialogComponent(new DialogComponentBoolean(
            new SettingsModelBoolean(PatternClassifierNodeModel.CFG_RANK_EVERY_MAP, false),
            "Compute the rank of every map (one SVD each; slow on long sequences)"));
    }
}
