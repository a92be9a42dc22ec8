package org.bertgeometry.knime.nodes;

import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeView;

/**
 * A node factory for this bundle's nodes: every node has a dialog and no node view (pictures are image output
 * ports), so a concrete factory only creates its model and dialog.
 *
 * @param <T> the node model
 */
@SuppressWarnings({"deprecation", "removal"})
public abstract class DialogNodeFactory<T extends NodeModel> extends NodeFactory<T> {

    @Override
    protected final int getNrNodeViews() {
        return 0;
    }

    @Override
    public final NodeView<T> createNodeView(final int viewIndex, final T nodeModel) {
        return null;
    }

    @Override
    protected final boolean hasDialog() {
        return true;
    }
}
