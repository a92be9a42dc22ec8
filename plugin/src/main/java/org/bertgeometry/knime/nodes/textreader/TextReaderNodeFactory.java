package org.bertgeometry.knime.nodes.textreader;

import org.bertgeometry.knime.nodes.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/**
 * Factory of the Text Reader node (description: TextReaderNodeFactory.xml next to this class).
 */
public final class TextReaderNodeFactory extends DialogNodeFactory<TextReaderNodeModel> {

    @Override
    public TextReaderNodeModel createNodeModel() {
        return new TextReaderNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new TextReaderNodeDialog();
    }
}
