package org.knime.core.node.port;

/** Shim of KNIME's {@code AbstractPortObject}: base of port objects that save themselves (the saving is not shimmed). */
public abstract class AbstractPortObject implements PortObject {
    public AbstractPortObject() {
    }
}
