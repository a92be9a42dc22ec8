package org.knime.core.data.collection;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataValue;

/** Shim of KNIME's {@code CollectionDataValue} (the real one reaches Iterable through CellCollection). */
public interface CollectionDataValue extends DataValue, Iterable<DataCell> {
    int size();
}
