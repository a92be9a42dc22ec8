package org.bertgeometry.knime.nodes.fasta;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.knime.core.node.InvalidSettingsException;

/**
 * Turns the FASTA Reader's location setting into a local file: a plain path or a {@code file:} URL. This is the
 * one place the node resolves locations, so that {@code knime://} URLs (workflow-relative data) can be handed to
 * the plugin's KNIME URL resolver here without touching the node model.
 */
final class FastaLocation {

    private FastaLocation() {
    }

    /** @return the file named by {@code location}, checked to exist and be a regular file */
    static Path resolve(final String location) throws InvalidSettingsException {
        if (location == null || location.isBlank()) {
            throw new InvalidSettingsException("No FASTA file selected. Open the dialog and choose a .fasta, .fa,"
                + " .fna or gzipped (.gz) FASTA file.");
        }
        String text = location.trim();
        Path file;
        try {
            if (text.startsWith("file:")) {
                file = Path.of(URI.create(text));
            } else if (text.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:/.*")) {
                throw new InvalidSettingsException("The FASTA location '" + text + "' is a URL this node cannot"
                    + " read; give a local path or a file: URL.");
            } else {
                file = Path.of(text);
            }
        } catch (IllegalArgumentException e) { // InvalidPathException too
            throw new InvalidSettingsException("The FASTA location '" + text + "' is not a valid path: "
                + e.getMessage(), e);
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidSettingsException("The FASTA file '" + file + "' does not exist or is not a file.");
        }
        return file;
    }
}
