package org.knime.core.data.convert.map;

/** Shim of KNIME's {@code IdentifiableType} (implemented by {@code DataType}); no members needed here. */
public interface IdentifiableType {
}
