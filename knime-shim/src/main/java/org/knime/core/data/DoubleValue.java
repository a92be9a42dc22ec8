package org.knime.core.data;

/** Shim of KNIME's {@code DoubleValue}. */
public interface DoubleValue extends DataValue {
    double getDoubleValue();
}
