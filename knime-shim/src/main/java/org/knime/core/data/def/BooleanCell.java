package org.knime.core.data.def;

import org.knime.core.data.NominalValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.FuzzyNumberValue;
import org.knime.core.data.FuzzyIntervalValue;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.ComplexNumberValue;
import org.knime.core.data.BoundedValue;
import org.knime.core.data.BooleanValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;

/** Shim of KNIME's {@code BooleanCell}: two singletons, obtained with {@link #get(boolean)}. */
public final class BooleanCell extends DataCell implements BooleanValue, BoundedValue, ComplexNumberValue, DoubleValue,
    FuzzyIntervalValue, FuzzyNumberValue, IntValue, LongValue, NominalValue {
    private static final long serialVersionUID = 1L;

    public static final BooleanCell TRUE = new BooleanCell(true);

    public static final BooleanCell FALSE = new BooleanCell(false);

    public static final DataType TYPE = DataType.getType(BooleanCell.class);

    private final boolean m_value;

    private BooleanCell(final boolean value) {
        m_value = value;
    }

    public static final BooleanCell get(final boolean value) {
        return value ? TRUE : FALSE;
    }

    @Override
    public boolean getBooleanValue() {
        return m_value;
    }

    @Override
    public int getIntValue() {
        return m_value ? 1 : 0;
    }

    @Override
    public double getDoubleValue() {
        return m_value ? 1 : 0;
    }

    @Override
    public String toString() {
        return Boolean.toString(m_value);
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return ((BooleanCell)dc).m_value == m_value;
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(m_value);
    }
}
