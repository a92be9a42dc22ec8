package org.knime.core.data;

/** Shim of KNIME's {@code DataRow}. */
public interface DataRow extends Iterable<DataCell> {
    int getNumCells();

    RowKey getKey();

    DataCell getCell(int index);
}
