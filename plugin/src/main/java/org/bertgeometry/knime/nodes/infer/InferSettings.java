package org.bertgeometry.knime.nodes.infer;

import org.bertgeometry.knime.nodes.NodeSettingsGroup;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.StringValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * Settings of the Infer with Attention Capture node. Defaults: no label column, batch size 8, model's maximum
 * length, 16 samples with full maps, theta 0.3 and only correctly predicted samples in the class means (both as
 * in the paper).
 */
public final class InferSettings implements NodeSettingsGroup {
    static final String CFG_TEXT = "text_column";
    static final String CFG_LABEL = "label_column";
    static final String CFG_BATCH = "batch_size";
    static final String CFG_MAX_LENGTH = "max_length";
    static final String CFG_STORED = "max_stored_samples";
    static final String CFG_THETA = "theta";
    static final String CFG_ONLY_CORRECT = "only_correct";

    private final SettingsModelString m_text = new SettingsModelString(CFG_TEXT, "");
    private final SettingsModelString m_label = new SettingsModelString(CFG_LABEL, "");
    private final SettingsModelIntegerBounded m_batch = new SettingsModelIntegerBounded(CFG_BATCH, 8, 1, 4096);
    private final SettingsModelIntegerBounded m_maxLength =
        new SettingsModelIntegerBounded(CFG_MAX_LENGTH, 0, 0, 1 << 16);
    private final SettingsModelIntegerBounded m_stored =
        new SettingsModelIntegerBounded(CFG_STORED, 16, 0, 1_000_000);
    private final SettingsModelDouble m_theta = new SettingsModelDouble(CFG_THETA, 0.3);
    private final SettingsModelBoolean m_onlyCorrect = new SettingsModelBoolean(CFG_ONLY_CORRECT, true);
    private final InferPictureSettings m_picture = new InferPictureSettings();

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
    public void saveTo(final NodeSettingsWO s) {
        m_picture.saveTo(s);
        m_text.saveSettingsTo(s);
        m_label.saveSettingsTo(s);
        m_batch.saveSettingsTo(s);
        m_maxLength.saveSettingsTo(s);
        m_stored.saveSettingsTo(s);
        m_theta.saveSettingsTo(s);
        m_onlyCorrect.saveSettingsTo(s);
    }

    @Override
    public void validate(final NodeSettingsRO s) throws InvalidSettingsException {
        m_picture.validate(s);
        m_text.validateSettings(s);
        m_label.validateSettings(s);
        m_batch.validateSettings(s);
        m_maxLength.validateSettings(s);
        m_stored.validateSettings(s);
        m_theta.validateSettings(s);
        m_onlyCorrect.validateSettings(s);
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

    @Override
    public void loadFrom(final NodeSettingsRO s) throws InvalidSettingsException {
        m_picture.loadFrom(s);
        m_text.loadSettingsFrom(s);
        m_label.loadSettingsFrom(s);
        m_batch.loadSettingsFrom(s);
        m_maxLength.loadSettingsFrom(s);
        m_stored.loadSettingsFrom(s);
        m_theta.loadSettingsFrom(s);
        m_onlyCorrect.loadSettingsFrom(s);
    }
}
