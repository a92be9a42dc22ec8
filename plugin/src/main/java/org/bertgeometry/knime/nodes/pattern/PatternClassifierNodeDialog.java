package org.bertgeometry.knime.nodes.pattern;

import org.bertgeometry.knime.picture.PictureDialog;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;

/** Dialog of the Attention Pattern Classifier node. */
final class PatternClassifierNodeDialog extends DefaultNodeSettingsPane {
    PatternClassifierNodeDialog() {
        PatternClassifierSettings s = new PatternClassifierSettings();
        addDialogComponent(new DialogComponentBoolean(s.samplesModel(), "Also classify the stored per-sample maps"));
        addDialogComponent(new DialogComponentBoolean(s.rankEveryMapModel(),
            "Compute the rank of every map (one SVD each; slow on long sequences)"));
        PatternPictureSettings picture = s.picture();
        createNewGroup("Class-mean heatmaps in the picture");
        addDialogComponent(new DialogComponentString(picture.heads().model(),
            "Heads (layer:head, 0-based, comma-separated; empty = every head of the last layer)", false, 30));
        addDialogComponent(new DialogComponentStringSelection(picture.ticksModel(), "Axis labels",
            TickLabels.labels()));
        closeCurrentGroup();
        PictureDialog.addTo(this, picture.look(), PictureDialog.Uses.HEATMAPS, PictureDialog.Uses.GRIDS);
    }
}
