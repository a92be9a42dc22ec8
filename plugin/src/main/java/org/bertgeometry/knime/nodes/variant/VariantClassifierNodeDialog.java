package org.bertgeometry.knime.nodes.variant;

import org.bertgeometry.knime.nodes.Choice;
import org.bertgeometry.knime.picture.PictureDialog;
import org.knime.core.data.StringValue;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Dialog of the Variant Classifier node: columns of the training table (port 1), preset in words, training knobs
 * with units, and the picture's look. The validation share applies only without a validation table and is
 * disabled when one is connected.
 */
final class VariantClassifierNodeDialog extends DefaultNodeSettingsPane {

    private final VariantClassifierSettings m_settings = new VariantClassifierSettings();

    @SuppressWarnings("unchecked")
    VariantClassifierNodeDialog() {
        VariantClassifierSettings s = m_settings;
        addDialogComponent(
            new DialogComponentColumnNameSelection(s.sequenceColumnModel(), "Sequence column", 1, StringValue.class));
        addDialogComponent(
            new DialogComponentColumnNameSelection(s.labelColumnModel(), "Label column", 1, StringValue.class));
        addDialogComponent(new DialogComponentButtonGroup(s.presetModel(), "Model", true, new Choice[]{
            new Choice("TINY", "Tiny new model: 1 layer, 2 heads, hidden size 32 (quick looks)",
                "Trained from scratch; the model input is ignored.", false),
            new Choice("SMALL", "Small new model: 2 layers, 4 heads, hidden size 64 (the case study)",
                "Trained from scratch; the model input is ignored.", true),
            new Choice("BASE", "Fine-tune the connected model (the paper: BERT-Base Cased)",
                "Needs a model at input port 0; its vocabulary grows by the sequences' k-mers.", false)}));
        createNewGroup("Training (0 = the chosen model's default)");
        addDialogComponent(new DialogComponentNumber(s.epochsModel(), "Epochs (passes over the training table)", 1));
        addDialogComponent(new DialogComponentNumber(s.batchSizeModel(), "Batch size (sequences per step)", 1));
        addDialogComponent(new DialogComponentNumber(s.learningRateModel(), "Learning rate (AdamW peak)", 1e-4));
        addDialogComponent(new DialogComponentNumber(s.seedModel(), "Random seed (any integer)", 1));
        addDialogComponent(new DialogComponentNumber(s.validationFractionModel(),
            "Validation share held out (0 to 1; only without a validation table)", 0.01));
        addDialogComponent(new DialogComponentNumber(s.patienceModel(),
            "Early-stopping patience (epochs without improvement; 0 = off)", 1));
        closeCurrentGroup();
        PictureDialog.addTo(this, s.picture(), PictureDialog.Uses.CHARTS, PictureDialog.Uses.CONFUSION);
    }

    @Override
    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs) {
        m_settings.validationFractionModel().setEnabled(specs.length < 3 || specs[2] == null);
    }
}
