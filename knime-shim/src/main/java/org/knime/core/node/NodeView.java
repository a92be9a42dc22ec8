package org.knime.core.node;

/**
 * Shim of KNIME's {@code NodeView} (the plugin's nodes have no views; only the type is needed for
 * {@link NodeFactory#createNodeView}).
 *
 * @param <T> the node model class
 */
public abstract class NodeView<T extends NodeModel> extends AbstractNodeView<T>
    implements NodeModelWarningListener {

    protected NodeView(final T nodeModel) {
        super(nodeModel);
    }

    protected T getNodeModel() {
        return getViewableModel();
    }

    protected abstract void onClose();

    protected abstract void onOpen();
}
