package org.bertgeometry.knime.nodes.textreader;

import javax.swing.JFileChooser;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentString;

/**
 * Dialog of the Text Reader: the file, the layout, and the header names of the text and label columns (enabled
 * only for the tab-separated layout).
 */
final class TextReaderNodeDialog extends DefaultNodeSettingsPane {
    TextReaderNodeDialog() {
        TextReaderSettings s = new TextReaderSettings();
        addDialogComponent(new DialogComponentFileChooser(s.fileModel(), "bertgeometry-text-file",
            JFileChooser.OPEN_DIALOG, false));
        addDialogComponent(new DialogComponentButtonGroup(s.layoutModel(), "Layout", true, TextLayout.choices()));
        createNewGroup("Tab-separated layout: columns by header name");
        addDialogComponent(new DialogComponentString(s.textColumnModel(), "Text column"));
        addDialogComponent(new DialogComponentString(s.labelColumnModel(), "Label column (empty: no label)"));
        closeCurrentGroup();
    }
}
