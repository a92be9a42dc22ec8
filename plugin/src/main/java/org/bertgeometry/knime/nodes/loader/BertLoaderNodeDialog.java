package org.bertgeometry.knime.nodes.loader;

import javax.swing.JFileChooser;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;

/**
 * Dialog of the BERT Loader node: one folder chooser for the model folder.
 */
final class BertLoaderNodeDialog extends DefaultNodeSettingsPane {
    BertLoaderNodeDialog() {
        addDialogComponent(new DialogComponentFileChooser(new BertLoaderSettings().folderModel(),
            "bertgeometry-model-folder", JFileChooser.OPEN_DIALOG, true));
    }
}
