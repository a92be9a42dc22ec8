package org.bertgeometry.knime.workflows;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Creates the test-only {@link CsvTableSourceNodeModel}: no dialog, no view. */
public final class CsvTableSourceNodeFactory extends NodeFactory<CsvTableSourceNodeModel> {

    @Override
    public CsvTableSourceNodeModel createNodeModel() {
        return new CsvTableSourceNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<CsvTableSourceNodeModel> createNodeView(final int viewIndex,
        final CsvTableSourceNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("no views");
    }

    @Override
    protected boolean hasDialog() {
        return false;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return null;
    }
}
