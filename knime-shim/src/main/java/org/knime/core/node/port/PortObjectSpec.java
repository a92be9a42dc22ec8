package org.knime.core.node.port;

import org.knime.core.internal.SerializerMethodLoader;
import java.io.IOException;

import javax.swing.JComponent;

/**
 * Shim of KNIME's {@code PortObjectSpec}: what a port will carry, known at configure time.
 */
public interface PortObjectSpec {

    JComponent[] getViews();

    /**
     * Saves and loads specs of type {@code T}.
     *
     * @param <T> the exact spec class
     */
    abstract static class PortObjectSpecSerializer<T extends PortObjectSpec>
        implements SerializerMethodLoader.Serializer<T> {
        public abstract void savePortObjectSpec(T portObjectSpec, PortObjectSpecZipOutputStream out)
            throws IOException;

        public abstract T loadPortObjectSpec(PortObjectSpecZipInputStream in) throws IOException;
    }
}
