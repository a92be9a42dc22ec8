package org.bertgeometry.knime.nodes.fasta;

import javax.swing.JFileChooser;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/**
 * Dialog of the FASTA Reader: the file, IUPAC handling, the label source with its key or expression (only the one
 * that applies is enabled), and spike extraction.
 */
final class FastaReaderNodeDialog extends DefaultNodeSettingsPane {
    FastaReaderNodeDialog() {
        FastaReaderSettings s = new FastaReaderSettings();
        addDialogComponent(new DialogComponentFileChooser(s.fileModel(), "bertgeometry-fasta-file",
            JFileChooser.OPEN_DIALOG, false));
        addDialogComponent(new DialogComponentBoolean(s.keepAmbiguityModel(),
            "Keep IUPAC ambiguity codes (R, Y, K, M, S, W, B, D, H, V) instead of replacing them by N"));
        createNewGroup("Label from the header");
        addDialogComponent(new DialogComponentStringSelection(s.labelSourceModel(), "Label", LabelSource.labels()));
        addDialogComponent(new DialogComponentString(s.labelKeyModel(), "Key (label = value after key=)"));
        addDialogComponent(new DialogComponentString(s.labelRegexModel(),
            "Regular expression (label = first group)"));
        closeCurrentGroup();
        createNewGroup("Whole genomes");
        addDialogComponent(new DialogComponentBoolean(s.extractSpikeModel(),
            "Extract the spike gene from whole SARS-CoV-2 genomes (skip genomes without a complete spike)"));
        closeCurrentGroup();
    }
}
