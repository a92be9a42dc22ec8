package org.bertgeometry.knime.nodes.directionality;

import org.bertgeometry.knime.picture.PictureDialog;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** Dialog of the Subspace Directionality node: convention, subspace rank and the picture's look. */
final class DirectionalityNodeDialog extends DefaultNodeSettingsPane {
    DirectionalityNodeDialog() {
        DirectionalitySettings s = new DirectionalitySettings();
        addDialogComponent(new DialogComponentStringSelection(s.conventionModel(), "Weight convention",
            DirectionalitySettings.conventionNames()));
        addDialogComponent(new DialogComponentNumber(s.rankModel(), "Subspace rank (0 = all)", 1));
        PictureDialog.addTo(this, s.picture(), PictureDialog.Uses.HEATMAPS);
    }
}
