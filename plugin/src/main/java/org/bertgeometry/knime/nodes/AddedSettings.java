package org.bertgeometry.knime.nodes;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModel;

/**
 * Settings added after a node's first release: workflows saved before have no such key, so the setting is
 * validated and loaded only where its key is present and otherwise keeps its default.
 */
public final class AddedSettings {

    private AddedSettings() {
    }

    /** Validates {@code model}'s value in {@code settings} if {@code key} is there. */
    public static void validate(final NodeSettingsRO settings, final String key, final SettingsModel model)
        throws InvalidSettingsException {
        if (settings.containsKey(key)) {
            model.validateSettings(settings);
        }
    }

    /** Loads {@code model} from {@code settings} if {@code key} is there; otherwise the model keeps its value. */
    public static void load(final NodeSettingsRO settings, final String key, final SettingsModel model)
        throws InvalidSettingsException {
        if (settings.containsKey(key)) {
            model.loadSettingsFrom(settings);
        }
    }
}
