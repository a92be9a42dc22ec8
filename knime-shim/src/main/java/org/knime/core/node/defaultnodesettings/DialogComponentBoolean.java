package org.knime.core.node.defaultnodesettings;

import javax.swing.JCheckBox;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Shim of KNIME's {@code DialogComponentBoolean}: a check box. */
public final class DialogComponentBoolean extends DialogComponent {
    private final JCheckBox m_box;

    public DialogComponentBoolean(final SettingsModelBoolean booleanModel, final String label) {
        super(booleanModel);
        m_box = new JCheckBox(label);
        getComponentPanel().add(m_box);
        updateComponent();
    }

    @Override
    protected void updateComponent() {
        m_box.setSelected(((SettingsModelBoolean)getModel()).getBooleanValue());
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        ((SettingsModelBoolean)getModel()).setBooleanValue(m_box.isSelected());
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        m_box.setEnabled(enabled);
    }

    @Override
    public void setToolTipText(final String text) {
        m_box.setToolTipText(text);
    }
}
