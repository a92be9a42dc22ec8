package org.knime.core.data.def;

import org.knime.core.data.LongValue;
import org.knime.core.data.FuzzyNumberValue;
import org.knime.core.data.FuzzyIntervalValue;
import org.knime.core.data.ComplexNumberValue;
import org.knime.core.data.BoundedValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;

/** Shim of KNIME's {@code IntCell} (an int is also a double value, as in KNIME). */
public class IntCell extends DataCell implements IntValue, DoubleValue, BoundedValue, ComplexNumberValue,
    FuzzyIntervalValue, FuzzyNumberValue, LongValue {
    private static final long serialVersionUID = 1L;

    public static final DataType TYPE = DataType.getType(IntCell.class);

    private final int m_int;

    public IntCell(final int i) {
        m_int = i;
    }

    @Override
    public int getIntValue() {
        return m_int;
    }

    @Override
    public double getDoubleValue() {
        return m_int;
    }

    @Override
    public String toString() {
        return Integer.toString(m_int);
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return ((IntCell)dc).m_int == m_int;
    }

    @Override
    public int hashCode() {
        return m_int;
    }
}
