package org.knime.core.node.defaultnodesettings;

import java.util.List;

import javax.swing.JComboBox;
import javax.swing.JLabel;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Shim of KNIME's {@code DialogComponentColumnNameSelection}: a drop-down of the input table's columns whose type
 * is compatible with one of the given value classes.
 */
public class DialogComponentColumnNameSelection extends DialogComponent {
    private final JComboBox<String> m_combo = new JComboBox<>();
    private final int m_specIndex;
    private final boolean m_isRequired;
    private final List<Class<? extends DataValue>> m_filter;

    @SafeVarargs
    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final Class<? extends DataValue>... classFilter) {
        this(model, label, specIndex, true, classFilter);
    }

    @SafeVarargs
    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final boolean isRequired, final Class<? extends DataValue>... classFilter) {
        super(model);
        m_specIndex = specIndex;
        m_isRequired = isRequired;
        m_filter = List.of(classFilter);
        getComponentPanel().add(new JLabel(label));
        getComponentPanel().add(m_combo);
    }

    @Override
    protected void updateComponent() {
        m_combo.setSelectedItem(((SettingsModelString)getModel()).getStringValue());
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        Object sel = m_combo.getSelectedItem();
        if (sel == null && m_isRequired) {
            throw new InvalidSettingsException("Please select a column.");
        }
        ((SettingsModelString)getModel()).setStringValue(sel == null ? null : sel.toString());
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        if (specs == null || specs.length <= m_specIndex || !(specs[m_specIndex] instanceof DataTableSpec spec)) {
            throw new NotConfigurableException("No input table available at port " + m_specIndex);
        }
        m_combo.removeAllItems();
        for (DataColumnSpec c : spec) {
            if (m_filter.isEmpty() || m_filter.stream().anyMatch(f -> c.getType().isCompatible(f))) {
                m_combo.addItem(c.getName());
            }
        }
        if (m_isRequired && m_combo.getItemCount() == 0) {
            throw new NotConfigurableException("The input table has no column of a compatible type.");
        }
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
