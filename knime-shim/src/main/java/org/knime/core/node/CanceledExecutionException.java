package org.knime.core.node;

/**
 * Shim of KNIME's {@code CanceledExecutionException}: thrown by {@link ExecutionMonitor#checkCanceled()} once the
 * user asked to cancel the running node. (The real class also implements MessageAwareException; the plugin does
 * not use that.)
 */
public class CanceledExecutionException extends Exception {
    private static final long serialVersionUID = 1L;

    public CanceledExecutionException() {
        super();
    }

    public CanceledExecutionException(final String s) {
        super(s);
    }
}
