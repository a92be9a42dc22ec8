package org.bertgeometry.knime.nodes.variant;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/**
 * Factory of the Variant Classifier node (description: VariantClassifierNodeFactory.xml next to this class).
 */
@SuppressWarnings({"deprecation", "removal"})
public final class VariantClassifierNodeFactory extends NodeFactory<VariantClassifierNodeModel> {

    @Override
    public VariantClassifierNodeModel createNodeModel() {
        return new VariantClassifierNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<VariantClassifierNodeModel> createNodeView(final int viewIndex, final VariantClassifierNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new VariantClassifierNodeDialog();
    }
}
