package org.bertgeometry.knime.workflows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.bertgeometry.knime.nodes.StatelessNodeModel;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortType;
import org.knime.core.node.workflow.NodeContext;

/**
 * Test-only source node: emits the table of a CSV file (the test workflows' dialect, {@link CsvTables}) stored
 * inside the workflow folder, named by the setting {@code file} relative to that folder. It makes the stored test
 * workflows self-sufficient in a KNIME core without base nodes (no CSV Reader or Table Creator), as KNIME's own
 * testing bundles do with their test source nodes; in KNIME Analytics Platform a CSV Reader plays its part. Like
 * the bundle's nodes it is a {@link StatelessNodeModel} (that class's source is compiled into this test bundle).
 */
final class CsvTableSourceNodeModel extends StatelessNodeModel {
    static final String CFG_FILE = "file";

    private String m_file = "";

    CsvTableSourceNodeModel() {
        super(new PortType[0], new PortType[]{BufferedDataTable.TYPE});
    }

    private Path csv() throws InvalidSettingsException {
        if (m_file.isBlank() || Path.of(m_file).isAbsolute()) {
            throw new InvalidSettingsException("The file must be a path relative to the workflow folder, got '"
                + m_file + "'");
        }
        Path workflow = NodeContext.getContext().getWorkflowManager().getContextV2().getExecutorInfo()
            .getLocalWorkflowPath();
        return workflow.resolve(m_file);
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        try {
            List<String> lines = CsvTables.lines(csv());
            String[] header = CsvTables.fields(lines.get(0));
            DataColumnSpec[] cols = new DataColumnSpec[header.length];
            for (int i = 0; i < header.length; i++) {
                CsvTables.Column c = CsvTables.column(header[i]);
                cols[i] = new DataColumnSpecCreator(c.name(), c.dataType()).createSpec();
            }
            return new DataTableSpec[]{new DataTableSpec(cols)};
        } catch (IOException | RuntimeException e) {
            throw new InvalidSettingsException("Cannot read the header of '" + m_file + "': " + e.getMessage(), e);
        }
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        return new BufferedDataTable[]{CsvTables.read(csv(), exec)};
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        settings.addString(CFG_FILE, m_file);
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        settings.getString(CFG_FILE);
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_file = settings.getString(CFG_FILE);
    }
}
