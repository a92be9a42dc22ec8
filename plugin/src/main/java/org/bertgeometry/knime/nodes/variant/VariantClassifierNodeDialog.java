package org.bertgeometry.knime.nodes.variant;

import org.bertgeometry.knime.picture.PictureDialog;
import org.knime.core.data.StringValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** Dialog of the Variant Classifier node: columns of the training table (port 1), preset and training knobs. */
final class VariantClassifierNodeDialog extends DefaultNodeSettingsPane {
    @SuppressWarnings("unchecked")
    VariantClassifierNodeDialog() {
        VariantClassifierSettings s = new VariantClassifierSettings();
        addDialogComponent(
            new DialogComponentColumnNameSelection(s.sequenceColumnModel(), "Sequence column", 1, StringValue.class));
        addDialogComponent(
            new DialogComponentColumnNameSelection(s.labelColumnModel(), "Label column", 1, StringValue.class));
        addDialogComponent(new DialogComponentStringSelection(s.presetModel(),
            "Preset (TINY/SMALL: new model; BASE: fine-tune the connected model)", VariantClassifierSettings.PRESETS));
        createNewGroup("Training (0 = the preset's value)");
        addDialogComponent(new DialogComponentNumber(s.epochsModel(), "Epochs", 1));
        addDialogComponent(new DialogComponentNumber(s.batchSizeModel(), "Batch size", 1));
        addDialogComponent(new DialogComponentNumber(s.learningRateModel(), "Learning rate", 1e-4));
        addDialogComponent(new DialogComponentNumber(s.seedModel(), "Seed", 1));
        addDialogComponent(new DialogComponentNumber(s.validationFractionModel(),
            "Validation fraction (without a validation table)", 0.01));
        addDialogComponent(new DialogComponentNumber(s.patienceModel(), "Early-stopping patience (0 = off)", 1));
        closeCurrentGroup();
        PictureDialog.addTo(this, s.picture(), PictureDialog.Uses.CHARTS, PictureDialog.Uses.CONFUSION);
    }
}
