package org.knime.core.node;

import org.knime.core.internal.MessageAwareException;

/**
 * Shim of KNIME's {@code CanceledExecutionException}: thrown by {@link ExecutionMonitor#checkCanceled()} once the
 * user asked to cancel the running node. (The real class also implements MessageAwareException; the plugin does
 * not use that.)
 */
public class CanceledExecutionException extends Exception implements MessageAwareException {
    private static final long serialVersionUID = 1L;

    public CanceledExecutionException() {
        super();
    }

    public CanceledExecutionException(final String s) {
        super(s);
    }
}
