package org.bertgeometry.knime.nodes.pattern;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/**
 * Factory of the Attention Pattern Classifier node (description: PatternClassifierNodeFactory.xml next to this class).
 */
@SuppressWarnings({"deprecation", "removal"})
public final class PatternClassifierNodeFactory extends NodeFactory<PatternClassifierNodeModel> {

    @Override
    public PatternClassifierNodeModel createNodeModel() {
        return new PatternClassifierNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<PatternClassifierNodeModel> createNodeView(final int viewIndex, final PatternClassifierNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new PatternClassifierNodeDialog();
    }
}
