package org.bertgeometry.knime.nodes.loader;

import javax.swing.JFileChooser;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/**
 * Dialog of the BERT Loader node: the source (an existing model or a new random one), the model folder, and the
 * random model's size, vocabulary, tokenizer, labels and seed.
 */
final class BertLoaderNodeDialog extends DefaultNodeSettingsPane {
    BertLoaderNodeDialog() {
        BertLoaderSettings s = new BertLoaderSettings();
        addDialogComponent(new DialogComponentStringSelection(s.sourceModel(),
            "Source (FOLDER: read a model; RANDOM: new random model)", BertLoaderSettings.FOLDER,
            BertLoaderSettings.RANDOM));
        createNewGroup("Existing model");
        addDialogComponent(new DialogComponentFileChooser(s.folderModel(), "bertgeometry-model-folder",
            JFileChooser.OPEN_DIALOG, true));
        closeCurrentGroup();
        createNewGroup("New random model");
        addDialogComponent(new DialogComponentStringSelection(s.sizeModel(), "Size", "TINY", "SMALL", "BASE"));
        addDialogComponent(new DialogComponentFileChooser(s.vocabularyModel(), "bertgeometry-vocab-file",
            JFileChooser.OPEN_DIALOG, false));
        addDialogComponent(new DialogComponentStringSelection(s.tokenizerModel(), "Tokenizer",
            BertLoaderSettings.WORDPIECE, BertLoaderSettings.KMER));
        addDialogComponent(new DialogComponentString(s.labelsModel(), "Class labels (comma-separated, optional)"));
        addDialogComponent(new DialogComponentNumber(s.seedModel(), "Seed", 1));
        closeCurrentGroup();
    }
}
