package org.knime.core.node;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Shim of KNIME's {@code NodeModel}: a node's settings, configure and execute logic. Nodes with non-table ports
 * override the {@link PortObject} variants of configure and execute, as in KNIME.
 */
public abstract class NodeModel implements AbstractNodeView.ViewableModel {
    private final PortType[] m_inTypes;
    private final PortType[] m_outTypes;
    private final NodeLogger m_logger = NodeLogger.getLogger(getClass());
    private String m_warning;
    private final Map<String, Object> m_flowVariables = new LinkedHashMap<>();

    protected NodeModel(final int nrInDataPorts, final int nrOutDataPorts) {
        this(fill(nrInDataPorts), fill(nrOutDataPorts));
    }

    protected NodeModel(final PortType[] inPortTypes, final PortType[] outPortTypes) {
        for (PortType t : inPortTypes) {
            if (t == null) {
                throw new NullPointerException("Input port type must not be null");
            }
        }
        for (PortType t : outPortTypes) {
            if (t == null) {
                throw new NullPointerException("Output port type must not be null");
            }
        }
        m_inTypes = inPortTypes.clone();
        m_outTypes = outPortTypes.clone();
    }

    private static PortType[] fill(final int n) {
        PortType[] p = new PortType[n];
        Arrays.fill(p, BufferedDataTable.TYPE);
        return p;
    }

    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        DataTableSpec[] in = new DataTableSpec[inSpecs.length];
        for (int i = 0; i < in.length; i++) {
            in[i] = (DataTableSpec)inSpecs[i];
        }
        return configure(in);
    }

    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        throw new IllegalStateException("configure must be overridden");
    }

    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        BufferedDataTable[] in = new BufferedDataTable[inObjects.length];
        for (int i = 0; i < in.length; i++) {
            in[i] = (BufferedDataTable)inObjects[i];
        }
        return execute(in, exec);
    }

    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        throw new IllegalStateException("execute must be overridden");
    }

    protected abstract void saveSettingsTo(NodeSettingsWO settings);

    protected abstract void validateSettings(NodeSettingsRO settings) throws InvalidSettingsException;

    protected abstract void loadValidatedSettingsFrom(NodeSettingsRO settings) throws InvalidSettingsException;

    protected abstract void loadInternals(File nodeInternDir, ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    protected abstract void saveInternals(File nodeInternDir, ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    protected abstract void reset();

    protected void onDispose() {
    }

    protected final void setWarningMessage(final String warningMessage) {
        m_warning = warningMessage;
    }

    protected final void pushFlowVariableDouble(final String name, final double value) {
        m_flowVariables.put(Objects.requireNonNull(name), value);
    }

    protected final void pushFlowVariableInt(final String name, final int value) {
        m_flowVariables.put(Objects.requireNonNull(name), value);
    }

    protected final void pushFlowVariableString(final String name, final String value) {
        m_flowVariables.put(Objects.requireNonNull(name), value);
    }

    protected final NodeLogger getLogger() {
        return m_logger;
    }

    protected final PortType getInPortType(final int index) {
        return m_inTypes[index];
    }

    protected final PortType getOutPortType(final int index) {
        return m_outTypes[index];
    }

    final int nrIn() {
        return m_inTypes.length;
    }

    final int nrOut() {
        return m_outTypes.length;
    }

    final String warning() {
        return m_warning;
    }

    /** Variables pushed by the model (name to Integer, Double or String), in push order; not KNIME API. */
    final Map<String, Object> flowVariables() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m_flowVariables));
    }
}
