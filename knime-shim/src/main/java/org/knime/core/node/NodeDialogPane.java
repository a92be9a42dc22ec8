package org.knime.core.node;

import java.awt.Component;
import java.util.LinkedHashMap;
import java.util.Map;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Shim of KNIME's {@code NodeDialogPane}: a node's Swing settings dialog, organised in tabs.
 */
public abstract class NodeDialogPane {
    private final Map<String, Component> m_tabs = new LinkedHashMap<>();

    protected NodeDialogPane() {
    }

    protected void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        DataTableSpec[] d = new DataTableSpec[specs.length];
        for (int i = 0; i < specs.length; i++) {
            d[i] = specs[i] instanceof DataTableSpec s ? s : null;
        }
        loadSettingsFrom(settings, d);
    }

    protected void loadSettingsFrom(final NodeSettingsRO settings, final DataTableSpec[] specs)
        throws NotConfigurableException {
        throw new IllegalStateException("loadSettingsFrom must be overridden");
    }

    protected abstract void saveSettingsTo(NodeSettingsWO settings) throws InvalidSettingsException;

    protected final void addTab(final String title, final Component comp) {
        m_tabs.put(title, comp);
    }

    public void onOpen() {
    }

    public void onClose() {
    }

    public void onCancel() {
    }
}
