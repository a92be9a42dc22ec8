package org.knime.core.data;

/** Shim of KNIME's {@code ComplexNumberValue}, a value interface the number and string cells implement; no members needed here. */
public interface ComplexNumberValue extends DataValue {
}
