package org.knime.core.node;

import org.knime.core.node.config.ConfigRO;

/** Shim of KNIME's {@code NodeSettingsRO}. */
public interface NodeSettingsRO extends ConfigRO {
    NodeSettingsRO getNodeSettings(String key) throws InvalidSettingsException;
}
