package org.knime.core.data;

/** Shim of KNIME's {@code DataValue}: marker interface for the value a cell offers. */
public interface DataValue {
}
