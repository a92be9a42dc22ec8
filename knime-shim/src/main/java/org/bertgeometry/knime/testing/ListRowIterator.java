package org.bertgeometry.knime.testing;

import java.util.Iterator;
import java.util.List;

import org.knime.core.data.DataRow;
import org.knime.core.data.container.CloseableRowIterator;

/**
 * NOT KNIME API: shim internals. The row iterator of the shim's in-memory tables (a list of rows); closing it
 * releases nothing. Lives here, outside KNIME's packages, because tables of two KNIME packages share it.
 */
public final class ListRowIterator extends CloseableRowIterator {
    private final Iterator<DataRow> m_rows;

    public ListRowIterator(final List<DataRow> rows) {
        m_rows = rows.iterator();
    }

    @Override
    public boolean hasNext() {
        return m_rows.hasNext();
    }

    @Override
    public DataRow next() {
        return m_rows.next();
    }

    @Override
    public void close() {
        // nothing to release: the rows are in memory
    }
}
