package org.knime.core.node.config;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.ConfigBase;

/** Shim of KNIME's {@code Config}: a settings tree with child configs. */
public abstract class Config extends ConfigBase implements ConfigRO, ConfigWO {

    protected Config(final String key) {
        super(key);
    }

    @Override
    public Config addConfig(final String key) {
        return (Config)addChild(key);
    }

    @Override
    public Config getConfig(final String key) throws InvalidSettingsException {
        return (Config)getChild(key);
    }

    /** Copies this config's content into {@code dest}. */
    public void copyTo(final ConfigWO dest) {
        copyInto((ConfigBase)dest);
    }
}
