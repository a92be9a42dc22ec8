package org.bertgeometry.knime.nodes.cone;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/**
 * Factory of the Cone Index node (description: ConeIndexNodeFactory.xml next to this class).
 */
@SuppressWarnings({"deprecation", "removal"})
public final class ConeIndexNodeFactory extends NodeFactory<ConeIndexNodeModel> {

    @Override
    public ConeIndexNodeModel createNodeModel() {
        return new ConeIndexNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<ConeIndexNodeModel> createNodeView(final int viewIndex, final ConeIndexNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new ConeIndexNodeDialog();
    }
}
