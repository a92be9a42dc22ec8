package org.bertgeometry.knime.nodes.infer;

import org.bertgeometry.knime.picture.PictureDialog;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.data.StringValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;

/** Dialog of the Infer with Attention Capture node. */
final class InferNodeDialog extends DefaultNodeSettingsPane {
    @SuppressWarnings("unchecked")
    InferNodeDialog() {
        InferSettings s = new InferSettings();
        addDialogComponent(new DialogComponentColumnNameSelection(s.textModel(), "Text or sequence column", 1,
            StringValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.labelModel(), "Label column (optional)", 1,
            false, StringValue.class));
        addDialogComponent(new DialogComponentNumber(s.batchModel(), "Batch size (rows per forward pass)", 1));
        addDialogComponent(new DialogComponentNumber(s.maxLengthModel(), "Maximum length (tokens incl. [CLS] and [SEP]; 0 = model default)", 8));
        addDialogComponent(new DialogComponentNumber(s.storedModel(), "Samples with full attention maps (first rows; memory grows with layers x heads x length^2)", 1));
        addDialogComponent(new DialogComponentNumber(s.thetaModel(), "High-attention threshold theta (0 to 1; paper: 0.3)", 0.05));
        addDialogComponent(new DialogComponentBoolean(s.onlyCorrectModel(),
            "Class means over correctly predicted samples only"));
        createNewGroup("Heatmaps of stored samples in the picture");
        addDialogComponent(new DialogComponentNumber(s.picture().samplesModel(),
            "Samples to draw (0 = none, at most 64; the first stored samples)", 1));
        addDialogComponent(new DialogComponentString(s.picture().heads().model(),
            "Heads (layer:head, 0-based, comma-separated; empty = every head of the last layer)", false, 30));
        closeCurrentGroup();
        PictureDialog.addTo(this, s.picture().look(), PictureDialog.Uses.HEATMAPS);
    }
}
