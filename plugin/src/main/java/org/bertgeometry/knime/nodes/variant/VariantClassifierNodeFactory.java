package org.bertgeometry.knime.nodes.variant;

import org.bertgeometry.knime.nodes.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/**
 * Factory of the Variant Classifier node (description: VariantClassifierNodeFactory.xml next to this class).
 */
public final class VariantClassifierNodeFactory extends DialogNodeFactory<VariantClassifierNodeModel> {

    @Override
    public VariantClassifierNodeModel createNodeModel() {
        return new VariantClassifierNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new VariantClassifierNodeDialog();
    }
}
