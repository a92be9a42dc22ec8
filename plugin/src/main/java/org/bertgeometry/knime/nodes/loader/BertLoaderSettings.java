package org.bertgeometry.knime.nodes.loader;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * Settings of the BERT Loader node: the folder of a Hugging Face BERT model. Shared by the node model and its
 * dialog; saved under key {@value #CFG_FOLDER}. Default: empty (the node is not configured until a folder is
 * chosen).
 */
public final class BertLoaderSettings {
    static final String CFG_FOLDER = "model_folder";

    private final SettingsModelString m_folder = new SettingsModelString(CFG_FOLDER, "");

    SettingsModelString folderModel() {
        return m_folder;
    }

    /** @return the configured folder, validated to be a non-empty, well-formed path */
    Path folder() throws InvalidSettingsException {
        return checkedPath(m_folder.getStringValue());
    }

    void setFolder(final String folder) {
        m_folder.setStringValue(folder);
    }

    void saveTo(final NodeSettingsWO settings) {
        m_folder.saveSettingsTo(settings);
    }

    void validate(final NodeSettingsRO settings) throws InvalidSettingsException {
        SettingsModelString s = m_folder.createCloneWithValidatedValue(settings);
        checkedPath(s.getStringValue());
    }

    void loadFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_folder.loadSettingsFrom(settings);
    }

    private static Path checkedPath(final String value) throws InvalidSettingsException {
        if (value == null || value.isBlank()) {
            throw new InvalidSettingsException(
                "No model folder selected. Choose a folder with config.json, vocab.txt and model.safetensors.");
        }
        try {
            return Path.of(value.trim());
        } catch (InvalidPathException e) {
            throw new InvalidSettingsException("The model folder '" + value + "' is not a valid path: "
                + e.getMessage(), e);
        }
    }

    /** @return true if the path names an existing directory */
    static boolean isDirectory(final Path p) {
        return Files.isDirectory(p);
    }
}
