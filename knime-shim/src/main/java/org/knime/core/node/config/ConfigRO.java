package org.knime.core.node.config;

import javax.swing.tree.TreeNode;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.ConfigBaseRO;

/**
 * Shim of KNIME's {@code ConfigRO} (the real one also extends TreeNode and Iterable; the plugin uses neither).
 */
public interface ConfigRO extends TreeNode, Iterable<String>, ConfigBaseRO {
    Config getConfig(String key) throws InvalidSettingsException;
}
