package org.bertgeometry.knime.nodes;

import java.io.File;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.NodeModel;
import org.knime.core.node.port.PortType;

/**
 * A node model whose results are all persisted by KNIME itself (output tables, port objects in file
 * stores), so there are no internals to save or load and nothing cached to reset. Every node of this
 * bundle is one; {@link SettingsNodeModel} adds settings held in one {@link NodeSettingsGroup}.
 */
public abstract class StatelessNodeModel extends NodeModel {

    protected StatelessNodeModel(final PortType[] inPortTypes, final PortType[] outPortTypes) {
        super(inPortTypes, outPortTypes);
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // results are persisted by KNIME (tables, file-store port objects)
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // results are persisted by KNIME (tables, file-store port objects)
    }

    @Override
    protected void reset() {
        // nothing is cached between executions
    }
}
