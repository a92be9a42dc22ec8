package org.knime.core.node.defaultnodesettings;

/** Shim of KNIME's {@code SettingsModelFlowVariableCompatible}; no members needed here. */
public interface SettingsModelFlowVariableCompatible {
}
