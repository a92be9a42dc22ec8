package org.knime.core.node;

import java.util.List;

import javax.swing.JComponent;

import org.bertgeometry.knime.testing.ListRowIterator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/** Shim of KNIME's {@code BufferedDataTable}: an immutable, in-memory table. */
public final class BufferedDataTable implements DataTable, PortObject {

    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(BufferedDataTable.class);

    public static final PortType TYPE_OPTIONAL =
        PortTypeRegistry.getInstance().getPortType(BufferedDataTable.class, true);

    private final DataTableSpec m_spec;
    private final List<DataRow> m_rows;

    BufferedDataTable(final DataTableSpec spec, final List<DataRow> rows) {
        m_spec = spec;
        m_rows = List.copyOf(rows);
    }

    @Override
    public DataTableSpec getDataTableSpec() {
        return m_spec;
    }

    @Override
    public DataTableSpec getSpec() {
        return m_spec;
    }

    public long size() {
        return m_rows.size();
    }

    @Override
    public CloseableRowIterator iterator() {
        return new ListRowIterator(m_rows);
    }

    @Override
    public String getSummary() {
        return "Rows: " + size() + ", Cols: " + m_spec.getNumColumns();
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }
}
