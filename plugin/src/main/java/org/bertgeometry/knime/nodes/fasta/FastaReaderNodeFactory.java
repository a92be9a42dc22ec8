package org.bertgeometry.knime.nodes.fasta;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/**
 * Factory of the FASTA Reader node (description: FastaReaderNodeFactory.xml next to this class).
 */
@SuppressWarnings({"deprecation", "removal"})
public final class FastaReaderNodeFactory extends NodeFactory<FastaReaderNodeModel> {

    @Override
    public FastaReaderNodeModel createNodeModel() {
        return new FastaReaderNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<FastaReaderNodeModel> createNodeView(final int viewIndex, final FastaReaderNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new FastaReaderNodeDialog();
    }
}
