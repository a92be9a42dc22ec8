package org.knime.core.data.container;

/** Shim of KNIME's {@code RowFlushable} (implemented by {@code DataContainer}); no members needed here. */
public interface RowFlushable {
}
