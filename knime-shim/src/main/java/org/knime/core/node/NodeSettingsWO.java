package org.knime.core.node;

import org.knime.core.node.config.ConfigWO;

/** Shim of KNIME's {@code NodeSettingsWO}. */
public interface NodeSettingsWO extends ConfigWO {
    NodeSettingsWO addNodeSettings(String key);
}
