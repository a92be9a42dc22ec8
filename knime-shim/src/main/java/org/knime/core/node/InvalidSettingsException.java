package org.knime.core.node;

/**
 * Shim of KNIME's {@code InvalidSettingsException} (bundle org.knime.core.util, package org.knime.core.node):
 * thrown when node settings are missing, malformed or inconsistent with the input specs.
 */
public class InvalidSettingsException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidSettingsException(final String s) {
        super(s);
    }

    public InvalidSettingsException(final Throwable cause) {
        super(cause);
    }

    public InvalidSettingsException(final String msg, final Throwable cause) {
        super(msg, cause);
    }
}
