package org.knime.core.data;

/** Shim of KNIME's {@code StringValue}. */
public interface StringValue extends DataValue {
    String getStringValue();
}
