package org.knime.core.internal;

/** Shim of KNIME's {@code MessageAwareException} (implemented by {@code CanceledExecutionException}). */
public interface MessageAwareException {
}
