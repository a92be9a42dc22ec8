package org.knime.core.data;

/** Shim of KNIME's {@code LongValue}, a value interface the number and string cells implement; no members needed here. */
public interface LongValue extends DataValue {
}
