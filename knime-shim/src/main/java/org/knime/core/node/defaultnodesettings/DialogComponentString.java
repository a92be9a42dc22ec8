package org.knime.core.node.defaultnodesettings;

import javax.swing.JLabel;
import javax.swing.JTextField;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Shim of KNIME's {@code DialogComponentString}: a labelled text field. */
public final class DialogComponentString extends DialogComponent {
    private final JTextField m_field = new JTextField(20);
    private final boolean m_disallowEmpty;

    public DialogComponentString(final SettingsModelString stringModel, final String label) {
        this(stringModel, label, false, 20);
    }

    public DialogComponentString(final SettingsModelString stringModel, final String label,
        final boolean disallowEmptyString, final int compWidth) {
        super(stringModel);
        m_disallowEmpty = disallowEmptyString;
        m_field.setColumns(compWidth);
        getComponentPanel().add(new JLabel(label));
        getComponentPanel().add(m_field);
        updateComponent();
    }

    @Override
    protected void updateComponent() {
        String v = ((SettingsModelString)getModel()).getStringValue();
        m_field.setText(v == null ? "" : v);
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        String t = m_field.getText();
        if (m_disallowEmpty && t.isBlank()) {
            throw new InvalidSettingsException("Please enter a value.");
        }
        ((SettingsModelString)getModel()).setStringValue(t);
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        m_field.setEnabled(enabled);
    }

    @Override
    public void setToolTipText(final String text) {
        m_field.setToolTipText(text);
    }
}
