package org.knime.core.data.collection;

import org.knime.core.data.DataCell;

/** Shim of KNIME's {@code CellCollection}: cells that can be iterated. */
public interface CellCollection extends Iterable<DataCell> {
}
