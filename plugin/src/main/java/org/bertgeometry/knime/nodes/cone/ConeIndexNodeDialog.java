package org.bertgeometry.knime.nodes.cone;

import org.bertgeometry.knime.nodes.Choice;
import org.bertgeometry.knime.picture.PictureDialog;
import org.knime.core.data.StringValue;
import org.knime.core.data.collection.ListDataValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup;

/** Dialog of the Cone Index node. */
final class ConeIndexNodeDialog extends DefaultNodeSettingsPane {
    @SuppressWarnings("unchecked")
    ConeIndexNodeDialog() {
        ConeIndexSettings s = new ConeIndexSettings();
        addDialogComponent(new DialogComponentColumnNameSelection(s.vectorModel(), "Vector column", 0,
            ListDataValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.groupModel(), "Group column (optional)", 0,
            false, StringValue.class));
        addDialogComponent(new DialogComponentButtonGroup(s.variantModel(), "Sum of", true, new Choice[]{
            new Choice("UNIT", "Unit vectors (each vector normalised first; the reference code; default)",
                "Only directions count: cone index / n is 1 when all vectors point the same way.", true),
            new Choice("RAW", "The vectors as they are (the paper's formula)",
                "Long vectors weigh more.", false)}));
        PictureDialog.addTo(this, s.picture(), PictureDialog.Uses.CHARTS);
    }
}
