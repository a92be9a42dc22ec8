package org.bertgeometry.knime.nodes.tokenize;

import org.bertgeometry.knime.nodes.DeclaredSettings;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.StringValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * Settings of the Tokenize node: the string column to tokenize (no default: must be chosen) and the maximum
 * number of positions per row including [CLS]/[SEP] (default 0 = the model's own model_max_length, else 512).
 */
public final class TokenizeSettings extends DeclaredSettings {
    static final String CFG_MAX_LENGTH = "max_length";

    private final SettingsModelString m_column = firstRelease().string("text_column", "");
    private final SettingsModelIntegerBounded m_maxLength = firstRelease().bounded(CFG_MAX_LENGTH, 0, 0, 1 << 16);

    SettingsModelString columnModel() {
        return m_column;
    }

    SettingsModelIntegerBounded maxLengthModel() {
        return m_maxLength;
    }

    void setColumn(final String column) {
        m_column.setStringValue(column);
    }

    void setMaxLength(final int maxLength) {
        m_maxLength.setIntValue(maxLength);
    }

    int maxLength() {
        return m_maxLength.getIntValue();
    }

    /** @return the index of the configured column in {@code spec}, checked to exist and hold strings */
    int columnIndex(final DataTableSpec spec) throws InvalidSettingsException {
        String name = m_column.getStringValue();
        if (name == null || name.isBlank()) {
            throw new InvalidSettingsException("No text column selected. Open the dialog and choose the column"
                + " holding the text or sequences.");
        }
        int i = spec.findColumnIndex(name);
        if (i < 0) {
            throw new InvalidSettingsException("The input table has no column '" + name + "'.");
        }
        if (!spec.getColumnSpec(i).getType().isCompatible(StringValue.class)) {
            throw new InvalidSettingsException("Column '" + name + "' does not hold strings.");
        }
        return i;
    }

    @Override
    protected void checkStored(final NodeSettingsRO settings) throws InvalidSettingsException {
        int n = settings.getInt(CFG_MAX_LENGTH);
        if (n == 1 || n == 2) {
            throw new InvalidSettingsException("Maximum length " + n
                + " leaves no room for tokens after [CLS] and [SEP]; use 0 (model default) or at least 3.");
        }
    }
}
