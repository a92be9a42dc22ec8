package org.bertgeometry.knime.nodes.cone;

import org.bertgeometry.knime.nodes.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/**
 * Factory of the Cone Index node (description: ConeIndexNodeFactory.xml next to this class).
 */
public final class ConeIndexNodeFactory extends DialogNodeFactory<ConeIndexNodeModel> {

    @Override
    public ConeIndexNodeModel createNodeModel() {
        return new ConeIndexNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new ConeIndexNodeDialog();
    }
}
