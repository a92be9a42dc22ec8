package org.bertgeometry.knime.nodes.infer;

import org.bertgeometry.knime.nodes.DeclaredSettings;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.StringValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * Settings of the Infer with Attention Capture node. Defaults: no label column, batch size 8, model's maximum
 * length, 16 samples with full maps, theta 0.3 and only correctly predicted samples in the class means (both as
 * in the paper).
 */
public final class InferSettings extends DeclaredSettings {
    static final String CFG_THETA = "theta";
    static final String CFG_MAX_LENGTH = "max_length";

    private final InferPictureSettings m_picture = group(new InferPictureSettings());
    private final SettingsModelString m_text = firstRelease().string("text_column", "");
    private final SettingsModelString m_label = firstRelease().string("label_column", "");
    private final SettingsModelIntegerBounded m_batch = firstRelease().bounded("batch_size", 8, 1, 4096);
    private final SettingsModelIntegerBounded m_maxLength = firstRelease().bounded(CFG_MAX_LENGTH, 0, 0, 1 << 16);
    private final SettingsModelIntegerBounded m_stored = firstRelease().bounded("max_stored_samples", 16, 0, 1_000_000);
    private final SettingsModelDouble m_theta = firstRelease().number(CFG_THETA, 0.3);
    private final SettingsModelBoolean m_onlyCorrect = firstRelease().bool("only_correct", true);

    /** The picture: samples and heads to draw and their look (old workflows load its defaults). */
    InferPictureSettings picture() {
        return m_picture;
    }

    SettingsModelString textModel() {
        return m_text;
    }

    SettingsModelString labelModel() {
        return m_label;
    }

    SettingsModelIntegerBounded batchModel() {
        return m_batch;
    }

    SettingsModelIntegerBounded maxLengthModel() {
        return m_maxLength;
    }

    SettingsModelIntegerBounded storedModel() {
        return m_stored;
    }

    SettingsModelDouble thetaModel() {
        return m_theta;
    }

    SettingsModelBoolean onlyCorrectModel() {
        return m_onlyCorrect;
    }

    int textIndex(final DataTableSpec spec) throws InvalidSettingsException {
        return stringColumn(spec, m_text.getStringValue(), "text");
    }

    /** @return the label column's index, or -1 when none is configured */
    int labelIndex(final DataTableSpec spec) throws InvalidSettingsException {
        String l = m_label.getStringValue();
        return l == null || l.isBlank() ? -1 : stringColumn(spec, l, "label");
    }

    private static int stringColumn(final DataTableSpec spec, final String name, final String what)
        throws InvalidSettingsException {
        if (name == null || name.isBlank()) {
            throw new InvalidSettingsException("No " + what + " column selected. Open the dialog and choose one.");
        }
        int i = spec.findColumnIndex(name);
        if (i < 0) {
            throw new InvalidSettingsException("The input table has no " + what + " column '" + name + "'.");
        }
        if (!spec.getColumnSpec(i).getType().isCompatible(StringValue.class)) {
            throw new InvalidSettingsException("The " + what + " column '" + name + "' does not hold strings.");
        }
        return i;
    }

    int batchSize() {
        return m_batch.getIntValue();
    }

    int maxLength() {
        return m_maxLength.getIntValue();
    }

    int maxStoredSamples() {
        return m_stored.getIntValue();
    }

    double theta() {
        return m_theta.getDoubleValue();
    }

    boolean onlyCorrect() {
        return m_onlyCorrect.getBooleanValue();
    }

    @Override
    protected void checkStored(final NodeSettingsRO s) throws InvalidSettingsException {
        double theta = s.getDouble(CFG_THETA);
        if (!(theta >= 0 && theta <= 1)) {
            throw new InvalidSettingsException("Theta must be between 0 and 1 (attention is a probability); got "
                + theta + ".");
        }
        int n = s.getInt(CFG_MAX_LENGTH);
        if (n == 1 || n == 2) {
            throw new InvalidSettingsException("Maximum length " + n
                + " leaves no room for tokens after [CLS] and [SEP]; use 0 (model default) or at least 3.");
        }
    }
}
