package org.knime.core.node;

/**
 * Shim of KNIME's {@code NodeView} (the plugin's nodes have no views; only the type is needed for
 * {@link NodeFactory#createNodeView}).
 *
 * @param <T> the node model class
 */
public abstract class NodeView<T extends NodeModel> {
    private final T m_model;

    protected NodeView(final T nodeModel) {
        m_model = nodeModel;
    }

    protected T getNodeModel() {
        return m_model;
    }

    protected abstract void modelChanged();

    protected abstract void onClose();

    protected abstract void onOpen();
}
