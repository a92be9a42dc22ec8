package org.knime.core.data;

import java.util.Iterator;

/** Shim of KNIME's {@code RowIterator}. */
public abstract class RowIterator implements Iterator<DataRow> {
    @Override
    public abstract boolean hasNext();

    @Override
    public abstract DataRow next();
}
