package org.knime.core.node.defaultnodesettings;

import javax.swing.JLabel;
import javax.swing.JTextField;

import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObjectSpec;

/** Shim of KNIME's {@code DialogComponentNumber}: a labelled number field (a spinner in KNIME). */
public class DialogComponentNumber extends DialogComponent {
    private final JTextField m_field = new JTextField(8);

    public DialogComponentNumber(final SettingsModelNumber numberModel, final String label, final Number stepSize) {
        this(numberModel, label, stepSize, 8);
    }

    public DialogComponentNumber(final SettingsModelNumber numberModel, final String label, final Number stepSize,
        final int compWidth) {
        super(numberModel);
        m_field.setColumns(compWidth);
        getComponentPanel().add(new JLabel(label));
        getComponentPanel().add(m_field);
        updateComponent();
    }

    @Override
    protected void updateComponent() {
        m_field.setText(((SettingsModelNumber)getModel()).getNumberValueStr());
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        try {
            ((SettingsModelNumber)getModel()).setNumberValueStr(m_field.getText());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Invalid number: " + m_field.getText() + " (" + e.getMessage() + ")",
                e);
        }
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
