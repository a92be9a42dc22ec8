package org.knime.core.data;

/** Shim of KNIME's {@code RowKey}: a row's identifier. */
public final class RowKey implements RowKeyValue {
    private final String m_key;

    public RowKey(final String key) {
        if (key == null) {
            throw new NullPointerException("Row key must not be null");
        }
        m_key = key;
    }

    public String getString() {
        return m_key;
    }

    public static RowKey createRowKey(final long rowNumber) {
        return new RowKey("Row" + rowNumber);
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof RowKey r && r.m_key.equals(m_key);
    }

    @Override
    public int hashCode() {
        return m_key.hashCode();
    }

    @Override
    public String toString() {
        return m_key;
    }
}
