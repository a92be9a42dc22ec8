package org.bertgeometry.knime.nodes.loader;

import org.bertgeometry.knime.nodes.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/**
 * Factory of the BERT Loader node (description: BertLoaderNodeFactory.xml next to this class).
 */
public final class BertLoaderNodeFactory extends DialogNodeFactory<BertLoaderNodeModel> {

    @Override
    public BertLoaderNodeModel createNodeModel() {
        return new BertLoaderNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new BertLoaderNodeDialog();
    }
}
