package org.knime.core.node;

/**
 * Shim of KNIME's {@code NotConfigurableException}: a dialog cannot be opened because the input specs do not
 * allow any valid configuration.
 */
public class NotConfigurableException extends Exception {
    private static final long serialVersionUID = 1L;

    public NotConfigurableException(final String s) {
        super(s);
    }

    public NotConfigurableException(final String s, final Throwable cause) {
        super(s, cause);
    }
}
