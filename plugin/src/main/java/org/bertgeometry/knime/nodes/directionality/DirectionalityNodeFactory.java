package org.bertgeometry.knime.nodes.directionality;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Subspace Directionality node (description: DirectionalityNodeFactory.xml). */
@SuppressWarnings({"deprecation", "removal"})
public final class DirectionalityNodeFactory extends NodeFactory<DirectionalityNodeModel> {

    @Override
    public DirectionalityNodeModel createNodeModel() {
        return new DirectionalityNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<DirectionalityNodeModel> createNodeView(final int viewIndex,
        final DirectionalityNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new DirectionalityNodeDialog();
    }
}
