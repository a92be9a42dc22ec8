package org.knime.core.node.port;

import org.knime.core.internal.SerializerMethodLoader;
import java.io.IOException;

import javax.swing.JComponent;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/**
 * Shim of KNIME's {@code PortObject}: the data flowing along a node connection.
 */
public interface PortObject {

    /** The generic port type. */
    PortType TYPE = PortTypeRegistry.getInstance().getPortType(PortObject.class);

    /** The optional generic port type. */
    PortType TYPE_OPTIONAL = PortTypeRegistry.getInstance().getPortType(PortObject.class, true);

    String getSummary();

    PortObjectSpec getSpec();

    JComponent[] getViews();

    /**
     * Saves and loads port objects of type {@code T}; registered in plugin.xml at extension point
     * org.knime.core.PortType, instantiated through a public no-arg constructor.
     *
     * @param <T> the exact port object class
     */
    abstract static class PortObjectSerializer<T extends PortObject>
        implements SerializerMethodLoader.Serializer<T> {
        public abstract void savePortObject(T portObject, PortObjectZipOutputStream out, ExecutionMonitor exec)
            throws IOException, CanceledExecutionException;

        public abstract T loadPortObject(PortObjectZipInputStream in, PortObjectSpec spec, ExecutionMonitor exec)
            throws IOException, CanceledExecutionException;
    }
}
