package org.knime.core.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.knime.core.node.config.Config;
import org.knime.core.node.config.base.ConfigBase;
import org.knime.core.node.config.base.XMLConfig;

/**
 * Shim of KNIME's {@code NodeSettings}: the settings tree a node saves to and loads from; persisted in KNIME's
 * XMLConfig format (settings.xml).
 */
public final class NodeSettings extends Config implements NodeSettingsRO, NodeSettingsWO {

    public NodeSettings(final String key) {
        super(key);
    }

    @Override
    protected ConfigBase getInstance(final String key) {
        return new NodeSettings(key);
    }

    @Override
    public NodeSettingsRO getNodeSettings(final String key) throws InvalidSettingsException {
        return (NodeSettings)getConfig(key);
    }

    @Override
    public NodeSettingsWO addNodeSettings(final String key) {
        return (NodeSettings)addConfig(key);
    }

    public void saveToXML(final OutputStream os) throws IOException {
        XMLConfig.save(this, os);
    }

    public static NodeSettingsRO loadFromXML(final InputStream in) throws IOException {
        NodeSettings tmp = new NodeSettings("loading");
        String key = XMLConfig.load(in, tmp);
        NodeSettings result = new NodeSettings(key);
        tmp.copyTo(result);
        return result;
    }
}
