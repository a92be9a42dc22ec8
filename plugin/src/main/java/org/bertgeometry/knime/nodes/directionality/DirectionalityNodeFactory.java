package org.bertgeometry.knime.nodes.directionality;

import org.bertgeometry.knime.nodes.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Factory of the Subspace Directionality node (description: DirectionalityNodeFactory.xml). */
public final class DirectionalityNodeFactory extends DialogNodeFactory<DirectionalityNodeModel> {

    @Override
    public DirectionalityNodeModel createNodeModel() {
        return new DirectionalityNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new DirectionalityNodeDialog();
    }
}
