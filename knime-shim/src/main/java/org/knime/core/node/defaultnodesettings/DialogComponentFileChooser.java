package org.knime.core.node.defaultnodesettings;

import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JTextField;

import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObjectSpec;

/** Shim of KNIME's {@code DialogComponentFileChooser}: a path field with a browse button. */
public class DialogComponentFileChooser extends DialogComponent {
    private final JTextField m_field = new JTextField(30);

    public DialogComponentFileChooser(final SettingsModelString stringModel, final String historyID,
        final int dialogType, final boolean directoryOnly) {
        super(stringModel);
        JButton browse = new JButton("Browse...");
        browse.addActionListener(e -> {
            JFileChooser fc = new JFileChooser(m_field.getText());
            fc.setDialogType(dialogType);
            fc.setFileSelectionMode(directoryOnly ? JFileChooser.DIRECTORIES_ONLY : JFileChooser.FILES_ONLY);
            if (fc.showDialog(getComponentPanel(), null) == JFileChooser.APPROVE_OPTION) {
                m_field.setText(fc.getSelectedFile().getAbsolutePath());
            }
        });
        getComponentPanel().add(m_field);
        getComponentPanel().add(browse);
        updateComponent();
    }

    @Override
    protected void updateComponent() {
        String v = ((SettingsModelString)getModel()).getStringValue();
        m_field.setText(v == null ? "" : v);
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        ((SettingsModelString)getModel()).setStringValue(m_field.getText().trim());
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
