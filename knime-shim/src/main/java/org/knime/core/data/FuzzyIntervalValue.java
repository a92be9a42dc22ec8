package org.knime.core.data;

/** Shim of KNIME's {@code FuzzyIntervalValue}, a value interface the number and string cells implement; no members needed here. */
public interface FuzzyIntervalValue extends DataValue {
}
