package org.bertgeometry.knime.nodes.tokenize;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/**
 * Factory of the Tokenize node (description: TokenizeNodeFactory.xml next to this class).
 */
@SuppressWarnings({"deprecation", "removal"})
public final class TokenizeNodeFactory extends NodeFactory<TokenizeNodeModel> {

    @Override
    public TokenizeNodeModel createNodeModel() {
        return new TokenizeNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<TokenizeNodeModel> createNodeView(final int viewIndex, final TokenizeNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new TokenizeNodeDialog();
    }
}
