package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.List;

import javax.swing.BoxLayout;
import javax.swing.JPanel;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Shim of KNIME's {@code DefaultNodeSettingsPane}: a dialog made of {@link DialogComponent}s, each bound to a
 * {@link SettingsModel}; loading and saving the dialog loads and saves those models.
 */
public class DefaultNodeSettingsPane extends NodeDialogPane {
    private final List<DialogComponent> m_components = new ArrayList<>();
    private final JPanel m_panel = new JPanel();

    public DefaultNodeSettingsPane() {
        m_panel.setLayout(new BoxLayout(m_panel, BoxLayout.Y_AXIS));
        addTab("Options", m_panel);
    }

    public void addDialogComponent(final DialogComponent diaC) {
        m_components.add(diaC);
        m_panel.add(diaC.getComponentPanel());
    }

    public void createNewGroup(final String title) {
    }

    public void closeCurrentGroup() {
    }

    @Override
    public final void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        for (DialogComponent c : m_components) {
            c.checkConfigurabilityBeforeLoad(specs);
            c.getModel().dialogLoad(settings, specs);
            c.updateComponent();
        }
        loadAdditionalSettingsFrom(settings, specs);
    }

    @Override
    public final void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        for (DialogComponent c : m_components) {
            c.validateSettingsBeforeSave();
            c.getModel().dialogSave(settings);
        }
        saveAdditionalSettingsTo(settings);
    }

    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
    }

    public void saveAdditionalSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
    }
}
