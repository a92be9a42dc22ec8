package org.knime.core.node;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Shim of KNIME's {@code NodeLogger}, backed by java.util.logging so that tests print what a node logs.
 */
public final class NodeLogger {
    private final Logger m_logger;

    private NodeLogger(final String name) {
        m_logger = Logger.getLogger(name);
    }

    public static NodeLogger getLogger(final Class<?> c) {
        return new NodeLogger(c.getName());
    }

    public static NodeLogger getLogger(final String s) {
        return new NodeLogger(s);
    }

    public void debug(final Object o) {
        m_logger.log(Level.FINE, String.valueOf(o));
    }

    public void info(final Object o) {
        m_logger.log(Level.INFO, String.valueOf(o));
    }

    public void warn(final Object o) {
        m_logger.log(Level.WARNING, String.valueOf(o));
    }

    public void warn(final Object o, final Throwable t) {
        m_logger.log(Level.WARNING, String.valueOf(o), t);
    }

    public void error(final Object o) {
        m_logger.log(Level.SEVERE, String.valueOf(o));
    }

    public void error(final Object o, final Throwable t) {
        m_logger.log(Level.SEVERE, String.valueOf(o), t);
    }
}
