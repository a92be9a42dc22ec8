package org.knime.core.node.defaultnodesettings;

import java.util.Arrays;
import java.util.Collection;

import javax.swing.JComboBox;
import javax.swing.JLabel;

import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObjectSpec;

/** Shim of KNIME's {@code DialogComponentStringSelection}: a labelled drop-down of fixed strings. */
public final class DialogComponentStringSelection extends DialogComponent {
    private final JComboBox<String> m_combo;

    public DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
        final String... list) {
        this(stringModel, label, Arrays.asList(list));
    }

    public DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
        final Collection<String> list) {
        super(stringModel);
        if (list == null || list.isEmpty()) {
            throw new IllegalArgumentException("Selection list of options shouldn't be null or empty");
        }
        m_combo = new JComboBox<>(list.toArray(new String[0]));
        getComponentPanel().add(new JLabel(label));
        getComponentPanel().add(m_combo);
        updateComponent();
    }

    @Override
    protected void updateComponent() {
        m_combo.setSelectedItem(((SettingsModelString)getModel()).getStringValue());
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        Object sel = m_combo.getSelectedItem();
        if (sel == null) {
            throw new InvalidSettingsException("Please select an item from the list.");
        }
        ((SettingsModelString)getModel()).setStringValue(sel.toString());
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        m_combo.setEnabled(enabled);
    }

    @Override
    public void setToolTipText(final String text) {
        m_combo.setToolTipText(text);
    }
}
