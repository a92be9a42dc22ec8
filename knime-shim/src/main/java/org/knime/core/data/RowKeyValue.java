package org.knime.core.data;

/** Shim of KNIME's {@code RowKeyValue} (implemented by {@code RowKey}); no members needed here. */
public interface RowKeyValue {
}
