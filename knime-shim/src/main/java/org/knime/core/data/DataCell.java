package org.knime.core.data;

import java.io.Serializable;

/** Shim of KNIME's {@code DataCell}: an immutable table cell. */
public abstract class DataCell implements DataValue, Serializable {
    private static final long serialVersionUID = 1L;

    public DataCell() {
    }

    public final DataType getType() {
        return DataType.getType(getClass());
    }

    public boolean isMissing() {
        return false;
    }

    @Override
    public abstract String toString();

    protected abstract boolean equalsDataCell(DataCell dc);

    @Override
    public abstract int hashCode();

    @Override
    public final boolean equals(final Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DataCell c) || c.getClass() != getClass()) {
            return false;
        }
        return equalsDataCell(c);
    }
}
