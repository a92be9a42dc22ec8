package org.knime.core.data.collection;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;

/** Shim of KNIME's {@code ListCell}: an ordered list of cells; create with {@link CollectionCellFactory}. */
public class ListCell extends DataCell implements ListDataValue {
    private static final long serialVersionUID = 1L;

    private final List<DataCell> m_cells;

    ListCell(final Collection<? extends DataCell> cells) {
        m_cells = List.copyOf(cells);
    }

    public static final DataType getCollectionType(final DataType elementType) {
        return DataType.getType(ListCell.class, elementType);
    }

    @Override
    public DataCell get(final int index) {
        return m_cells.get(index);
    }

    @Override
    public int size() {
        return m_cells.size();
    }

    @Override
    public Iterator<DataCell> iterator() {
        return m_cells.iterator();
    }

    @Override
    public String toString() {
        return m_cells.toString();
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return ((ListCell)dc).m_cells.equals(m_cells);
    }

    @Override
    public int hashCode() {
        return m_cells.hashCode();
    }
}
