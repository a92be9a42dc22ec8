package org.knime.core.data;

/** Shim of KNIME's {@code IntValue}. */
public interface IntValue extends DataValue {
    int getIntValue();
}
