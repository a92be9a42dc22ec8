package org.bertgeometry.knime.nodes.tokenize;

import org.bertgeometry.knime.nodes.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/**
 * Factory of the Tokenize node (description: TokenizeNodeFactory.xml next to this class).
 */
public final class TokenizeNodeFactory extends DialogNodeFactory<TokenizeNodeModel> {

    @Override
    public TokenizeNodeModel createNodeModel() {
        return new TokenizeNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new TokenizeNodeDialog();
    }
}
