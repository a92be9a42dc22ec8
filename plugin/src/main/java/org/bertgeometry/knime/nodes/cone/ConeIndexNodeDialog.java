package org.bertgeometry.knime.nodes.cone;

import org.bertgeometry.knime.picture.PictureDialog;
import org.knime.core.data.StringValue;
import org.knime.core.data.collection.ListDataValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** Dialog of the Cone Index node. */
final class ConeIndexNodeDialog extends DefaultNodeSettingsPane {
    @SuppressWarnings("unchecked")
    ConeIndexNodeDialog() {
        ConeIndexSettings s = new ConeIndexSettings();
        addDialogComponent(new DialogComponentColumnNameSelection(s.vectorModel(), "Vector column", 0,
            ListDataValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.groupModel(), "Group column (optional)", 0,
            false, StringValue.class));
        addDialogComponent(new DialogComponentStringSelection(s.variantModel(), "Variant",
            ConeIndexSettings.variantNames()));
        PictureDialog.addTo(this, s.picture(), PictureDialog.Uses.CHARTS);
    }
}
