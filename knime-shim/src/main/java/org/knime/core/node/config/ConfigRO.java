package org.knime.core.node.config;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.ConfigBaseRO;

/**
 * Shim of KNIME's {@code ConfigRO} (the real one also extends TreeNode and Iterable; the plugin uses neither).
 */
public interface ConfigRO extends ConfigBaseRO {
    Config getConfig(String key) throws InvalidSettingsException;
}
