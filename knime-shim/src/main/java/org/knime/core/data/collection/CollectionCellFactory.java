package org.knime.core.data.collection;

import java.util.Collection;

import org.knime.core.data.DataCell;

/** Shim of KNIME's {@code CollectionCellFactory}. */
public final class CollectionCellFactory {
    private CollectionCellFactory() {
    }

    public static ListCell createListCell(final Collection<? extends DataCell> coll) {
        return new ListCell(coll);
    }
}
