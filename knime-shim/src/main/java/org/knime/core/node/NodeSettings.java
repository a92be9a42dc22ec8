package org.knime.core.node;

import java.io.IOException;
import java.io.InputStream;

import org.knime.core.node.config.Config;
import org.knime.core.node.config.ConfigWO;

/**
 * Shim of KNIME's {@code NodeSettings}: the settings tree a node saves to and loads from; persisted in KNIME's
 * XMLConfig format (settings.xml).
 */
public final class NodeSettings extends Config implements NodeSettingsRO, NodeSettingsWO {

    public NodeSettings(final String key) {
        super(key);
    }

    @Override
    public Config getInstance(final String key) {
        return new NodeSettings(key);
    }

    /**
     * Reads settings from KNIME's XMLConfig format; the result's key is the root element's. Closes the stream.
     *
     * @throws IOException if the stream cannot be read or is not a KNIME XML config
     */
    public static NodeSettingsRO loadFromXML(final InputStream in) throws IOException {
        NodeSettings settings = new NodeSettings("ignored");
        settings.load(in);
        return settings;
    }

    /** Makes a deep copy of these settings into {@code dest}. */
    public void copyTo(final ConfigWO dest) {
        super.copyTo(dest);
    }

    @Override
    public NodeSettingsWO addNodeSettings(final String key) {
        return (NodeSettings)addConfig(key);
    }

    @Override
    public NodeSettings getNodeSettings(final String key) throws InvalidSettingsException {
        return (NodeSettings)getConfig(key);
    }
}
