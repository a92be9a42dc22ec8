package org.bertgeometry.knime.nodes.infer;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/**
 * Factory of the Infer with Attention Capture node (description: InferNodeFactory.xml next to this class).
 */
@SuppressWarnings({"deprecation", "removal"})
public final class InferNodeFactory extends NodeFactory<InferNodeModel> {

    @Override
    public InferNodeModel createNodeModel() {
        return new InferNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<InferNodeModel> createNodeView(final int viewIndex, final InferNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new InferNodeDialog();
    }
}
