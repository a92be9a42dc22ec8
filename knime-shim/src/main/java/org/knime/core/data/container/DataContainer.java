package org.knime.core.data.container;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bertgeometry.knime.testing.ListRowIterator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowIterator;

/**
 * Shim of KNIME's {@code DataContainer}: collects rows (in memory here) and checks them against the spec.
 * Not AutoCloseable, as in KNIME: call {@link #close()} before reading the table.
 */
public class DataContainer implements RowAppender, RowFlushable {
    private final DataTableSpec m_spec;
    private final List<DataRow> m_rows = new ArrayList<>();
    private final Set<String> m_keys = new HashSet<>();
    private boolean m_closed;

    public DataContainer(final DataTableSpec spec) {
        m_spec = spec;
    }

    public DataContainer(final DataTableSpec spec, final boolean initDomain) {
        this(spec);
    }

    public void addRowToTable(final DataRow row) {
        if (m_closed) {
            throw new IllegalStateException("Cannot add rows to a closed container");
        }
        if (row.getNumCells() != m_spec.getNumColumns()) {
            throw new IllegalArgumentException("Row " + row.getKey() + " has " + row.getNumCells()
                + " cells, the spec has " + m_spec.getNumColumns() + " columns");
        }
        for (int i = 0; i < row.getNumCells(); i++) {
            var cell = row.getCell(i);
            var type = m_spec.getColumnSpec(i).getType();
            if (!cell.isMissing() && !type.isASuperTypeOf(cell.getType())) {
                throw new IllegalArgumentException("Row " + row.getKey() + " column " + i + ": cell type "
                    + cell.getType() + " does not match column type " + type);
            }
        }
        if (!m_keys.add(row.getKey().getString())) {
            throw new IllegalArgumentException("Duplicate row key: " + row.getKey());
        }
        m_rows.add(row);
    }

    public void close() {
        m_closed = true;
    }

    public boolean isClosed() {
        return m_closed;
    }

    public long size() {
        return m_rows.size();
    }

    public DataTableSpec getTableSpec() {
        return m_spec;
    }

    /**
     * @return the collected rows as a table
     * @throws IllegalStateException if the container is not closed yet
     */
    public DataTable getTable() {
        if (!m_closed) {
            throw new IllegalStateException("Cannot get table: container is not closed.");
        }
        List<DataRow> rows = List.copyOf(m_rows);
        return new DataTable() {
            @Override
            public DataTableSpec getDataTableSpec() {
                return m_spec;
            }

            @Override
            public RowIterator iterator() {
                return new ListRowIterator(rows);
            }
        };
    }
}
