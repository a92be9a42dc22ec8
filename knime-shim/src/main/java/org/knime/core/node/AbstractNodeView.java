package org.knime.core.node;

/**
 * Shim of KNIME's {@code AbstractNodeView}: the base of node views, holding the model it shows.
 *
 * @param <T> the viewed model's class
 */
public abstract class AbstractNodeView<T extends AbstractNodeView.ViewableModel> {
    private final T m_viewableModel;

    protected AbstractNodeView(final T viewableModel) {
        m_viewableModel = viewableModel;
    }

    protected final T getViewableModel() {
        return m_viewableModel;
    }

    /** Called when the model changed; the view updates itself. */
    protected abstract void modelChanged();

    /** Shim of KNIME's marker for models a view can show ({@link NodeModel} is one). */
    public static interface ViewableModel {
    }
}
