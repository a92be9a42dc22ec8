package org.bertgeometry.knime.nodes.textreader;

import java.nio.file.Path;

import org.bertgeometry.knime.nodes.DeclaredSettings;
import org.bertgeometry.knime.nodes.EnumSetting;
import org.bertgeometry.knime.paths.PathResolver;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * Settings of the Text Reader, shared by its model and dialog: the file (no default: must be chosen), the layout
 * (default {@link TextLayout#LINES}), and for the tab-separated layout the header names of the text column
 * (default "text") and of the label column (default "label"; empty for none). The column names are enabled only
 * for the tab-separated layout.
 */
final class TextReaderSettings extends DeclaredSettings {
    static final String CFG_LAYOUT = "layout";
    static final String CFG_TEXT_COLUMN = "text_column";
    static final String CFG_LABEL_COLUMN = "label_column";

    private final SettingsModelString m_file = firstRelease().string("text_file", "");
    private final SettingsModelString m_layout = firstRelease().string(CFG_LAYOUT, TextLayout.LINES.name());
    private final SettingsModelString m_textColumn = firstRelease().string(CFG_TEXT_COLUMN, "text");
    private final SettingsModelString m_labelColumn = firstRelease().string(CFG_LABEL_COLUMN, "label");

    TextReaderSettings() {
        m_layout.addChangeListener(e -> enableColumnNames());
        enableColumnNames();
    }

    private void enableColumnNames() {
        boolean tabSeparated = TextLayout.ofName(m_layout.getStringValue()).orElse(null) == TextLayout.TAB_SEPARATED;
        m_textColumn.setEnabled(tabSeparated);
        m_labelColumn.setEnabled(tabSeparated);
    }

    SettingsModelString fileModel() {
        return m_file;
    }

    SettingsModelString layoutModel() {
        return m_layout;
    }

    SettingsModelString textColumnModel() {
        return m_textColumn;
    }

    SettingsModelString labelColumnModel() {
        return m_labelColumn;
    }

    void setFile(final String location) {
        m_file.setStringValue(location);
    }

    void setTabSeparated(final String textColumn, final String labelColumn) {
        m_layout.setStringValue(TextLayout.TAB_SEPARATED.name());
        m_textColumn.setStringValue(textColumn);
        m_labelColumn.setStringValue(labelColumn);
    }

    /** @return the file to read, resolved (knime:// URLs included) and checked to exist */
    Path file() throws InvalidSettingsException {
        return PathResolver.existingFile(m_file.getStringValue(), "text file", "a UTF-8 text file (.txt or .tsv)");
    }

    TextLayout layout() {
        return TextLayout.ofName(m_layout.getStringValue()).orElse(TextLayout.LINES);
    }

    String textColumn() {
        return m_textColumn.getStringValue().strip();
    }

    /** @return the label column's header name, empty when there is none (always empty for one text per line) */
    String labelColumn() {
        return layout() == TextLayout.LINES ? "" : m_labelColumn.getStringValue().strip();
    }

    @Override
    protected void checkStored(final NodeSettingsRO settings) throws InvalidSettingsException {
        if (EnumSetting.parse(TextLayout.class, settings.getString(CFG_LAYOUT), "layout") == TextLayout.TAB_SEPARATED) {
            String text = settings.getString(CFG_TEXT_COLUMN).strip();
            if (text.isEmpty()) {
                throw new InvalidSettingsException("No text column named: enter the header name of the column that"
                    + " holds the texts.");
            }
            if (text.equals(settings.getString(CFG_LABEL_COLUMN).strip())) {
                throw new InvalidSettingsException("The text column and the label column are both '" + text
                    + "'; name two different columns, or leave the label column empty.");
            }
        }
    }
}
