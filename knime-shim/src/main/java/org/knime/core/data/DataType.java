package org.knime.core.data;

import org.knime.core.data.convert.map.IdentifiableType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Shim of KNIME's {@code DataType}: the type of a column, derived from a cell class (and, for collections, an
 * element type). Works without KNIME's DataType extension registry.
 */
public final class DataType implements IdentifiableType {
    private final Class<? extends DataCell> m_cellClass;
    private final DataType m_elementType;

    private DataType(final Class<? extends DataCell> cellClass, final DataType elementType) {
        m_cellClass = cellClass;
        m_elementType = elementType;
    }

    public static DataType getType(final Class<? extends DataCell> cell) {
        return new DataType(cell, null);
    }

    public static DataType getType(final Class<? extends DataCell> collectionCell, final DataType elementType) {
        return new DataType(collectionCell, elementType);
    }

    public static DataCell getMissingCell() {
        return MissingCell.INSTANCE;
    }

    public boolean isCompatible(final Class<? extends DataValue> valueClass) {
        return valueClass.isAssignableFrom(m_cellClass);
    }

    /**
     * @return true if cells of {@code type} may appear in a column of this type (same cell class; a collection
     *         column also accepts any element type, since a cell does not know its element type)
     */
    public boolean isASuperTypeOf(final DataType type) {
        return m_cellClass.equals(type.m_cellClass)
            && (m_elementType == null || type.m_elementType == null || m_elementType.equals(type.m_elementType));
    }

    public boolean isCollectionType() {
        return m_elementType != null;
    }

    public DataType getCollectionElementType() {
        return m_elementType;
    }

    /** @return the value interfaces this type's cells implement (shim: used by column selection filters) */
    public List<Class<? extends DataValue>> getValueClasses() {
        List<Class<? extends DataValue>> out = new ArrayList<>();
        collect(m_cellClass, out);
        return Collections.unmodifiableList(out);
    }

    @SuppressWarnings("unchecked")
    private static void collect(final Class<?> c, final List<Class<? extends DataValue>> out) {
        if (c == null) {
            return;
        }
        for (Class<?> i : c.getInterfaces()) {
            if (DataValue.class.isAssignableFrom(i) && !out.contains(i)) {
                out.add((Class<? extends DataValue>)i);
            }
            collect(i, out);
        }
        collect(c.getSuperclass(), out);
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof DataType t && t.m_cellClass.equals(m_cellClass)
            && Objects.equals(t.m_elementType, m_elementType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(m_cellClass, m_elementType);
    }

    @Override
    public String toString() {
        String n = m_cellClass.getSimpleName().replace("Cell", "");
        return m_elementType == null ? n : n + " of " + m_elementType;
    }

    /** The missing-value cell. */
    private static final class MissingCell extends DataCell {
        private static final long serialVersionUID = 1L;
        static final MissingCell INSTANCE = new MissingCell();

        @Override
        public boolean isMissing() {
            return true;
        }

        @Override
        public String toString() {
            return "?";
        }

        @Override
        protected boolean equalsDataCell(final DataCell dc) {
            return true;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }
}
