package org.knime.core.node.config;

import org.knime.core.node.config.base.ConfigBaseWO;

/** Shim of KNIME's {@code ConfigWO}. */
public interface ConfigWO extends ConfigBaseWO {
    Config addConfig(String key);
}
