package org.knime.core.node.config;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.ConfigBase;

/** Shim of KNIME's {@code Config}: a settings tree with child configs. */
public abstract class Config extends ConfigBase implements ConfigRO, ConfigWO {

    protected Config(final String key) {
        super(key);
    }

    @Override
    public abstract Config getInstance(String key);

    @Override
    public final Config addConfig(final String key) {
        return (Config)addConfigBase(key);
    }

    @Override
    public final Config getConfig(final String key) throws InvalidSettingsException {
        return (Config)getConfigBase(key);
    }
}
