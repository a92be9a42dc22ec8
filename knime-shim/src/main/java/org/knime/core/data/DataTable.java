package org.knime.core.data;

/** Shim of KNIME's {@code DataTable}. */
public interface DataTable extends Iterable<DataRow> {
    DataTableSpec getDataTableSpec();

    @Override
    RowIterator iterator();
}
