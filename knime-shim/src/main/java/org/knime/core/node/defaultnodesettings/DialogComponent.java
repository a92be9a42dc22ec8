package org.knime.core.node.defaultnodesettings;

import javax.swing.JPanel;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Shim of KNIME's {@code DialogComponent}: a Swing panel editing one {@link SettingsModel}.
 */
public abstract class DialogComponent {
    private final SettingsModel m_model;
    private final JPanel m_panel = new JPanel();

    public DialogComponent(final SettingsModel model) {
        m_model = model;
    }

    public JPanel getComponentPanel() {
        return m_panel;
    }

    public final SettingsModel getModel() {
        return m_model;
    }

    /** Shows the model's current value. */
    protected abstract void updateComponent();

    /** Writes what the user entered into the model; throws if it is not valid. */
    protected abstract void validateSettingsBeforeSave() throws InvalidSettingsException;

    /** Checks the component can work with the given input specs. */
    protected abstract void checkConfigurabilityBeforeLoad(PortObjectSpec[] specs) throws NotConfigurableException;

    protected abstract void setEnabledComponents(boolean enabled);

    public abstract void setToolTipText(String text);
}
