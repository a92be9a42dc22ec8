package org.bertgeometry.knime.nodes.infer;

import org.bertgeometry.knime.nodes.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/**
 * Factory of the Infer with Attention Capture node (description: InferNodeFactory.xml next to this class).
 */
public final class InferNodeFactory extends DialogNodeFactory<InferNodeModel> {

    @Override
    public InferNodeModel createNodeModel() {
        return new InferNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new InferNodeDialog();
    }
}
