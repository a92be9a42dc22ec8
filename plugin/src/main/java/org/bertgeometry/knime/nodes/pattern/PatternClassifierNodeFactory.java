package org.bertgeometry.knime.nodes.pattern;

import org.bertgeometry.knime.nodes.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/**
 * Factory of the Attention Pattern Classifier node (description: PatternClassifierNodeFactory.xml next to this class).
 */
public final class PatternClassifierNodeFactory extends DialogNodeFactory<PatternClassifierNodeModel> {

    @Override
    public PatternClassifierNodeModel createNodeModel() {
        return new PatternClassifierNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new PatternClassifierNodeDialog();
    }
}
