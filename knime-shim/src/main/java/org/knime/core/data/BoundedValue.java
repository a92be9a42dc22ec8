package org.knime.core.data;

/** Shim of KNIME's {@code BoundedValue}, a value interface the number and string cells implement; no members needed here. */
public interface BoundedValue extends DataValue {
}
