package org.bertgeometry.knime.nodes.loader;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/**
 * Factory of the BERT Loader node (description: BertLoaderNodeFactory.xml next to this class).
 */
@SuppressWarnings({"deprecation", "removal"})
public final class BertLoaderNodeFactory extends NodeFactory<BertLoaderNodeModel> {

    @Override
    public BertLoaderNodeModel createNodeModel() {
        return new BertLoaderNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<BertLoaderNodeModel> createNodeView(final int viewIndex, final BertLoaderNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new BertLoaderNodeDialog();
    }
}
