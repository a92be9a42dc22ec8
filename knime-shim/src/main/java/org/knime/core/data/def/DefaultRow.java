package org.knime.core.data.def;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.RowKey;

/** Shim of KNIME's {@code DefaultRow}. */
public class DefaultRow implements DataRow {
    private final RowKey m_key;
    private final DataCell[] m_cells;

    public DefaultRow(final RowKey rowKey, final DataCell... row) {
        m_key = rowKey;
        for (DataCell c : row) {
            if (c == null) {
                throw new NullPointerException("Cell must not be null");
            }
        }
        m_cells = row.clone();
    }

    public DefaultRow(final String rowId, final DataCell... row) {
        this(new RowKey(rowId), row);
    }

    public DefaultRow(final RowKey rowKey, final List<DataCell> row) {
        this(rowKey, row.toArray(new DataCell[0]));
    }

    public DefaultRow(final String rowId, final List<DataCell> row) {
        this(new RowKey(rowId), row);
    }

    @Override
    public final int getNumCells() {
        return m_cells.length;
    }

    @Override
    public final RowKey getKey() {
        return m_key;
    }

    @Override
    public final DataCell getCell(final int index) {
        return m_cells[index];
    }

    @Override
    public Iterator<DataCell> iterator() {
        return Arrays.asList(m_cells).iterator();
    }

    @Override
    public String toString() {
        return m_key + ": " + Arrays.toString(m_cells);
    }
}
