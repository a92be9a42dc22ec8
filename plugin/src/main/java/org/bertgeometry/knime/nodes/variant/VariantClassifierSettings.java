package org.bertgeometry.knime.nodes.variant;

import org.bertgeometry.knime.nodes.DeclaredSettings;
import org.bertgeometry.knime.picture.PictureSettings;
import java.util.Locale;

import org.bertgeometry.training.TrainingSettings;
import org.bertgeometry.variants.classifier.VariantPreset;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.StringValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * Settings of the Variant Classifier node. Columns have no default (they must be chosen). The preset decides the
 * mode: {@code TINY} and {@code SMALL} train a new model from scratch (default {@code SMALL}), {@code BASE}
 * fine-tunes the connected model the paper's way. Epochs, batch size and learning rate default to 0, meaning
 * "the preset's value"; seed 42; validation fraction 0.1 (used only without a validation table); early-stopping
 * patience 0 (off).
 */
public final class VariantClassifierSettings extends DeclaredSettings {
    static final String CFG_PRESET = "preset";
    static final String CFG_EPOCHS = "epochs";
    static final String CFG_LEARNING_RATE = "learning_rate";
    static final String CFG_VALIDATION_FRACTION = "validation_fraction";

    static final String[] PRESETS = {"TINY", "SMALL", "BASE"};

    private final PictureSettings m_picture = group(new PictureSettings());
    private final SettingsModelString m_sequenceColumn = firstRelease().string("sequence_column", "");
    private final SettingsModelString m_labelColumn = firstRelease().string("label_column", "");
    private final SettingsModelString m_preset = firstRelease().string(CFG_PRESET, "SMALL");
    private final SettingsModelIntegerBounded m_epochs = firstRelease().bounded(CFG_EPOCHS, 0, 0, 10_000);
    private final SettingsModelIntegerBounded m_batchSize = firstRelease().bounded("batch_size", 0, 0, 4096);
    private final SettingsModelDouble m_learningRate = firstRelease().number(CFG_LEARNING_RATE, 0.0);
    private final SettingsModelIntegerBounded m_seed =
        firstRelease().bounded("seed", 42, Integer.MIN_VALUE, Integer.MAX_VALUE);
    private final SettingsModelDouble m_validationFraction = firstRelease().number(CFG_VALIDATION_FRACTION, 0.1);
    private final SettingsModelIntegerBounded m_patience =
        firstRelease().bounded("early_stopping_patience", 0, 0, 1000);

    /** How the node's picture output looks (PictureSettings; old workflows load its defaults). */
    PictureSettings picture() {
        return m_picture;
    }

    SettingsModelString sequenceColumnModel() {
        return m_sequenceColumn;
    }

    SettingsModelString labelColumnModel() {
        return m_labelColumn;
    }

    SettingsModelString presetModel() {
        return m_preset;
    }

    SettingsModelIntegerBounded epochsModel() {
        return m_epochs;
    }

    SettingsModelIntegerBounded batchSizeModel() {
        return m_batchSize;
    }

    SettingsModelDouble learningRateModel() {
        return m_learningRate;
    }

    SettingsModelIntegerBounded seedModel() {
        return m_seed;
    }

    SettingsModelDouble validationFractionModel() {
        return m_validationFraction;
    }

    SettingsModelIntegerBounded patienceModel() {
        return m_patience;
    }

    void setColumns(final String sequence, final String label) {
        m_sequenceColumn.setStringValue(sequence);
        m_labelColumn.setStringValue(label);
    }

    void setPreset(final VariantPreset preset) {
        m_preset.setStringValue(preset.name());
    }

    void setEpochs(final int epochs) {
        m_epochs.setIntValue(epochs);
    }

    void setBatchSize(final int batchSize) {
        m_batchSize.setIntValue(batchSize);
    }

    void setLearningRate(final double lr) {
        m_learningRate.setDoubleValue(lr);
    }

    void setSeed(final int seed) {
        m_seed.setIntValue(seed);
    }

    void setValidationFraction(final double fraction) {
        m_validationFraction.setDoubleValue(fraction);
    }

    void setPatience(final int patience) {
        m_patience.setIntValue(patience);
    }

    VariantPreset preset() {
        return VariantPreset.parse(m_preset.getStringValue());
    }

    double validationFraction() {
        return m_validationFraction.getDoubleValue();
    }

    int seed() {
        return m_seed.getIntValue();
    }

    /** The preset's training settings with every non-zero override applied. */
    TrainingSettings training() {
        TrainingSettings t = preset().training().withSeed(m_seed.getIntValue())
            .withEarlyStopping(m_patience.getIntValue());
        if (m_epochs.getIntValue() > 0) {
            t = t.withEpochs(m_epochs.getIntValue());
        }
        if (m_batchSize.getIntValue() > 0) {
            t = t.withBatchSize(m_batchSize.getIntValue());
        }
        if (m_learningRate.getDoubleValue() > 0) {
            t = t.withLearningRate(m_learningRate.getDoubleValue());
        }
        return t;
    }

    /** Column indices {sequence, label} in {@code spec}, checked to exist, differ and hold strings. */
    int[] columnIndices(final DataTableSpec spec, final String tableName) throws InvalidSettingsException {
        String seq = m_sequenceColumn.getStringValue();
        String label = m_labelColumn.getStringValue();
        if (seq == null || seq.isBlank() || label == null || label.isBlank()) {
            throw new InvalidSettingsException("Choose the sequence column and the label column in the dialog.");
        }
        if (seq.equals(label)) {
            throw new InvalidSettingsException(
                "The sequence column and the label column are both '" + seq + "'; choose two different columns.");
        }
        return new int[]{stringColumn(spec, seq, tableName), stringColumn(spec, label, tableName)};
    }

    private static int stringColumn(final DataTableSpec spec, final String name, final String tableName)
        throws InvalidSettingsException {
        int i = spec.findColumnIndex(name);
        if (i < 0) {
            throw new InvalidSettingsException("The " + tableName + " has no column '" + name + "'.");
        }
        if (!spec.getColumnSpec(i).getType().isCompatible(StringValue.class)) {
            throw new InvalidSettingsException("Column '" + name + "' of the " + tableName
                + " does not hold strings; convert it (for example with Number To String) first.");
        }
        return i;
    }

    @Override
    protected void checkStored(final NodeSettingsRO settings) throws InvalidSettingsException {
        String preset = settings.getString(CFG_PRESET);
        try {
            VariantPreset.parse(preset == null ? "" : preset);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Unknown preset '" + preset + "'; use one of TINY, SMALL, BASE.");
        }
        double lr = settings.getDouble(CFG_LEARNING_RATE);
        if (!(lr >= 0 && lr < 1)) {
            throw new InvalidSettingsException(String.format(Locale.ROOT,
                "Learning rate %g is outside [0, 1); use 0 for the preset's value or a small positive number"
                    + " such as 1e-3.", lr));
        }
        double f = settings.getDouble(CFG_VALIDATION_FRACTION);
        if (!(f > 0 && f < 1)) {
            throw new InvalidSettingsException(String.format(Locale.ROOT,
                "Validation fraction %g must lie strictly between 0 and 1 (for example 0.1).", f));
        }
    }
}
