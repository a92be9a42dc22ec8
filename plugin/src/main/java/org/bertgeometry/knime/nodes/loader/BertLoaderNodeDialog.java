package org.bertgeometry.knime.nodes.loader;

import javax.swing.JFileChooser;

import org.bertgeometry.knime.nodes.Choice;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.SettingsModel;

/**
 * Dialog of the BERT Loader node: the source (an existing model or a new random one), the model folder, and the
 * random model's size, vocabulary, tokenizer, labels and seed. Only the options of the chosen source are enabled;
 * choices are shown in words while the settings keep their constants (FOLDER, RANDOM, TINY, ...).
 */
final class BertLoaderNodeDialog extends DefaultNodeSettingsPane {
    BertLoaderNodeDialog() {
        BertLoaderSettings s = new BertLoaderSettings();
        addDialogComponent(new DialogComponentButtonGroup(s.sourceModel(), "Source", true, new Choice[]{
            new Choice(BertLoaderSettings.FOLDER, "Read an existing model (Hugging Face folder, .safetensors,"
                + " ONNX or TensorFlow checkpoint)", "The model at the path below is copied into the workflow.",
                true),
            new Choice(BertLoaderSettings.RANDOM, "Create a new, randomly initialised model",
                "A model of the chosen size for the vocabulary below, e.g. to train with the Variant Classifier.",
                false)}));
        createNewGroup("Existing model");
        addDialogComponent(new DialogComponentFileChooser(s.folderModel(), "bertgeometry-model-folder",
            JFileChooser.OPEN_DIALOG, true));
        closeCurrentGroup();
        createNewGroup("New random model");
        addDialogComponent(new DialogComponentButtonGroup(s.sizeModel(), "Size", true, new Choice[]{
            new Choice("TINY", "Tiny: 1 layer, 2 heads, hidden size 32", "For tests and quick looks.", false),
            new Choice("SMALL", "Small: 2 layers, 4 heads, hidden size 64", "The case study's size.", true),
            new Choice("BASE", "Base: 12 layers, 12 heads, hidden size 768", "BERT-Base's size (slow on a CPU).",
                false)}));
        addDialogComponent(new DialogComponentFileChooser(s.vocabularyModel(), "bertgeometry-vocab-file",
            JFileChooser.OPEN_DIALOG, false));
        addDialogComponent(new DialogComponentButtonGroup(s.tokenizerModel(), "Tokenizer", true, new Choice[]{
            new Choice(BertLoaderSettings.WORDPIECE, "WordPiece (text)", "Hugging Face's BERT tokenizer.", true),
            new Choice(BertLoaderSettings.KMER, "Overlapping 12-mers at stride 9 (nucleotide sequences)",
                "The paper's tokenization of spike sequences.", false)}));
        addDialogComponent(new DialogComponentString(s.labelsModel(),
            "Class labels (comma-separated; empty = no classification head)"));
        addDialogComponent(new DialogComponentNumber(s.seedModel(), "Random seed (any integer)", 1));
        closeCurrentGroup();
        s.sourceModel().addChangeListener(e -> enableForSource(s));
        enableForSource(s);
    }

    /** Options of the source not chosen do not apply and are disabled. */
    private static void enableForSource(final BertLoaderSettings s) {
        boolean random = BertLoaderSettings.RANDOM.equals(s.sourceModel().getStringValue());
        s.folderModel().setEnabled(!random);
        for (SettingsModel m : new SettingsModel[]{s.sizeModel(), s.vocabularyModel(), s.tokenizerModel(),
            s.labelsModel(), s.seedModel()}) {
            m.setEnabled(random);
        }
    }
}
