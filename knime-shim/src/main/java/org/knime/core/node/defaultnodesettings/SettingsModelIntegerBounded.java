package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;

/** Shim of KNIME's {@code SettingsModelIntegerBounded}: an int setting restricted to [min, max]. */
public class SettingsModelIntegerBounded extends SettingsModelInteger {
    private final int m_min;
    private final int m_max;

    public SettingsModelIntegerBounded(final String configName, final int defaultValue, final int minValue,
        final int maxValue) {
        super(configName, defaultValue);
        if (minValue > maxValue) {
            throw new IllegalArgumentException("Specified min value must be smaller than the max value.");
        }
        m_min = minValue;
        m_max = maxValue;
        try {
            checkBounds(defaultValue);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("InitialValue: " + e.getMessage(), e);
        }
    }

    public int getLowerBound() {
        return m_min;
    }

    public int getUpperBound() {
        return m_max;
    }

    @Override
    protected void validateValue(final int value) throws InvalidSettingsException {
        super.validateValue(value);
        try {
            checkBounds(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    /** As in KNIME, setting a value out of bounds throws IllegalArgumentException. */
    @Override
    public void setIntValue(final int newValue) {
        checkBounds(newValue);
        super.setIntValue(newValue);
    }

    private void checkBounds(final int value) {
        if (value < m_min || value > m_max) {
            throw new IllegalArgumentException("value (=" + value + ") must be within the range [" + m_min + "..."
                + m_max + "].");
        }
    }

    @SuppressWarnings("unchecked")
    @Override
    protected SettingsModelIntegerBounded createClone() {
        return new SettingsModelIntegerBounded(getConfigName(), getIntValue(), m_min, m_max);
    }
}
