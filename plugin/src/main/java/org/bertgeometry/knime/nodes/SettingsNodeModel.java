package org.bertgeometry.knime.nodes;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortType;

/**
 * A {@link StatelessNodeModel} whose settings live in one {@link NodeSettingsGroup} (every node of this
 * bundle declares its settings as a {@link DeclaredSettings}): settings calls are delegated to the group.
 */
public abstract class SettingsNodeModel extends StatelessNodeModel {

    protected SettingsNodeModel(final PortType[] inPortTypes, final PortType[] outPortTypes) {
        super(inPortTypes, outPortTypes);
    }

    /** The node's settings, read by the model and written by the dialog. */
    protected abstract NodeSettingsGroup settingsGroup();

    @Override
    protected final void saveSettingsTo(final NodeSettingsWO settings) {
        settingsGroup().saveTo(settings);
    }

    @Override
    protected final void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        settingsGroup().validate(settings);
    }

    @Override
    protected final void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        settingsGroup().loadFrom(settings);
    }

    /** Pushes each value as a flow variable of its type (called at the end of execute). */
    protected final void pushFlowVariables(final FlowVariableValues variables) {
        variables.values().forEach((name, value) -> {
            if (value instanceof Integer i) {
                pushFlowVariableInt(name, i);
            } else if (value instanceof Double d) {
                pushFlowVariableDouble(name, d);
            } else {
                pushFlowVariableString(name, (String)value);
            }
        });
    }
}
