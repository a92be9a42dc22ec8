package org.knime.core.node.port;

/** Shim of KNIME's {@code AbstractSimplePortObjectSpec}: base of specs saved as model content (not shimmed). */
public abstract class AbstractSimplePortObjectSpec implements PortObjectSpec {
    public AbstractSimplePortObjectSpec() {
    }
}
