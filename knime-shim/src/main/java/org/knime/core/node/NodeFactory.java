package org.knime.core.node;

/**
 * Shim of KNIME's {@code NodeFactory}: creates a node's model, dialog and views. The real constructor parses the
 * {@code <FactorySimpleName>.xml} description next to the factory; the shim's constructor has no side effects.
 *
 * @param <T> the node model class
 */
public abstract class NodeFactory<T extends NodeModel> {

    protected NodeFactory() {
    }

    protected NodeFactory(final boolean lazyInitialization) {
    }

    public abstract T createNodeModel();

    protected abstract int getNrNodeViews();

    public abstract NodeView<T> createNodeView(int viewIndex, T nodeModel);

    protected abstract boolean hasDialog();

    protected abstract NodeDialogPane createNodeDialogPane();
}
