package org.knime.core.data;

/** Shim of KNIME's {@code BooleanValue}. */
public interface BooleanValue extends DataValue {
    boolean getBooleanValue();
}
