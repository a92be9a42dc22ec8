package org.knime.core.data.collection;

import org.knime.core.data.DataValue;

/** Shim of KNIME's {@code CollectionDataValue} (iterable through {@link CellCollection}, as in KNIME). */
public interface CollectionDataValue extends DataValue, CellCollection {
    int size();
}
