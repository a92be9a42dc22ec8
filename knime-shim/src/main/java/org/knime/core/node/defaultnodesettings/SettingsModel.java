package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.List;

import javax.swing.event.ChangeEvent;
import javax.swing.event.ChangeListener;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Shim of KNIME's {@code SettingsModel}: one setting value with its key, shared by a node model and its dialog.
 * Like KNIME it also writes a sibling config {@code <key>_Internals} (SettingsModelID, EnabledStatus), which is
 * optional when reading.
 */
public abstract class SettingsModel {
    static final String CFGKEY_INTERNAL = "_Internals";

    private final List<ChangeListener> m_listeners = new ArrayList<>();
    private boolean m_enabled = true;

    protected abstract <T extends SettingsModel> T createClone();

    protected abstract String getModelTypeID();

    protected abstract String getConfigName();

    protected abstract void loadSettingsForDialog(NodeSettingsRO settings, PortObjectSpec[] specs)
        throws NotConfigurableException;

    protected abstract void saveSettingsForDialog(NodeSettingsWO settings) throws InvalidSettingsException;

    protected abstract void validateSettingsForModel(NodeSettingsRO settings) throws InvalidSettingsException;

    protected abstract void loadSettingsForModel(NodeSettingsRO settings) throws InvalidSettingsException;

    protected abstract void saveSettingsForModel(NodeSettingsWO settings);

    @Override
    public abstract String toString();

    public final void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        validateSettingsForModel(settings);
    }

    public final void loadSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        loadSettingsForModel(settings);
        if (settings.containsKey(getConfigName() + CFGKEY_INTERNAL)) {
            NodeSettingsRO internals = settings.getNodeSettings(getConfigName() + CFGKEY_INTERNAL);
            setEnabled(internals.getBoolean("EnabledStatus", true));
        }
    }

    public final void saveSettingsTo(final NodeSettingsWO settings) {
        saveSettingsForModel(settings);
        NodeSettingsWO internals = settings.addNodeSettings(getConfigName() + CFGKEY_INTERNAL);
        internals.addString("SettingsModelID", getModelTypeID());
        internals.addBoolean("EnabledStatus", m_enabled);
    }

    @SuppressWarnings("unchecked")
    public final <T extends SettingsModel> T createCloneWithValidatedValue(final NodeSettingsRO settings)
        throws InvalidSettingsException {
        SettingsModel clone = createClone();
        clone.loadSettingsFrom(settings);
        return (T)clone;
    }

    final void dialogLoad(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        loadSettingsForDialog(settings, specs);
    }

    final void dialogSave(final NodeSettingsWO settings) throws InvalidSettingsException {
        saveSettingsForDialog(settings);
        NodeSettingsWO internals = settings.addNodeSettings(getConfigName() + CFGKEY_INTERNAL);
        internals.addString("SettingsModelID", getModelTypeID());
        internals.addBoolean("EnabledStatus", m_enabled);
    }

    public void setEnabled(final boolean enabled) {
        boolean changed = enabled != m_enabled;
        m_enabled = enabled;
        if (changed) {
            notifyChangeListeners();
        }
    }

    public boolean isEnabled() {
        return m_enabled;
    }

    public void addChangeListener(final ChangeListener l) {
        if (!m_listeners.contains(l)) {
            m_listeners.add(l);
        }
    }

    public void removeChangeListener(final ChangeListener l) {
        m_listeners.remove(l);
    }

    protected void notifyChangeListeners() {
        ChangeEvent e = new ChangeEvent(this);
        for (ChangeListener l : List.copyOf(m_listeners)) {
            l.stateChanged(e);
        }
    }
}
