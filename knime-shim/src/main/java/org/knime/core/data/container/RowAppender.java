package org.knime.core.data.container;

/** Shim of KNIME's {@code RowAppender} (implemented by {@code DataContainer}); no members needed here. */
public interface RowAppender {
}
