package org.knime.core.data.collection;

import org.knime.core.data.DataCell;

/** Shim of KNIME's {@code ListDataValue}. */
public interface ListDataValue extends CollectionDataValue {
    DataCell get(int index);
}
