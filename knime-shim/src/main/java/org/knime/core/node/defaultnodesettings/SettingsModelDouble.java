package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Shim of KNIME's {@code SettingsModelDouble}: a double setting, saved with {@code addDouble(key, value)}. */
public class SettingsModelDouble extends SettingsModelNumber implements SettingsModelFlowVariableCompatible {
    private final String m_configName;
    private double m_value;

    public SettingsModelDouble(final String configName, final double defaultValue) {
        if (configName == null || configName.isEmpty()) {
            throw new IllegalArgumentException("The configName must be a non-empty string");
        }
        m_configName = configName;
        m_value = defaultValue;
    }

    public double getDoubleValue() {
        return m_value;
    }

    public void setDoubleValue(final double newValue) {
        boolean changed = Double.compare(newValue, m_value) != 0;
        m_value = newValue;
        if (changed) {
            notifyChangeListeners();
        }
    }

    /**
     * Hook for bounded subclasses, called when settings are validated.
     *
     * @throws InvalidSettingsException if {@code value} is not allowed
     */
    protected void validateValue(final double value) throws InvalidSettingsException {
    }

    @Override
    void setNumberValueStr(final String newValueStr) {
        setDoubleValue(Double.parseDouble(newValueStr.trim()));
    }

    @Override
    String getNumberValueStr() {
        return Double.toString(m_value);
    }

    @SuppressWarnings("unchecked")
    @Override
    protected SettingsModelDouble createClone() {
        return new SettingsModelDouble(m_configName, m_value);
    }

    @Override
    protected String getModelTypeID() {
        return "SMID_double";
    }

    @Override
    protected String getConfigName() {
        return m_configName;
    }

    @Override
    protected void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        try {
            setDoubleValue(settings.getDouble(m_configName, m_value));
        } catch (IllegalArgumentException e) {
            // keep the old value, as KNIME does
        }
    }

    @Override
    protected void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException {
        saveSettingsForModel(settings);
    }

    @Override
    protected void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        validateValue(settings.getDouble(m_configName));
    }

    @Override
    protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        try {
            setDoubleValue(settings.getDouble(m_configName));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    @Override
    protected void saveSettingsForModel(final NodeSettingsWO settings) {
        settings.addDouble(m_configName, m_value);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " ('" + m_configName + "')";
    }
}
