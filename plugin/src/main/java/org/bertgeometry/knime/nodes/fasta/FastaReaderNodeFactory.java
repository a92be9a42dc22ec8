package org.bertgeometry.knime.nodes.fasta;

import org.bertgeometry.knime.nodes.DialogNodeFactory;
import org.knime.core.node.NodeDialogPane;

/**
 * Factory of the FASTA Reader node (description: FastaReaderNodeFactory.xml next to this class).
 */
public final class FastaReaderNodeFactory extends DialogNodeFactory<FastaReaderNodeModel> {

    @Override
    public FastaReaderNodeModel createNodeModel() {
        return new FastaReaderNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new FastaReaderNodeDialog();
    }
}
