package org.knime.core.node.defaultnodesettings;

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
        validateValue(defaultValue);
    }

    public int getLowerBound() {
        return m_min;
    }

    public int getUpperBound() {
        return m_max;
    }

    @Override
    protected void validateValue(final int value) {
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
