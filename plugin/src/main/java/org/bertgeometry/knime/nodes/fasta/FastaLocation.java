package org.bertgeometry.knime.nodes.fasta;

import java.nio.file.Path;

import org.bertgeometry.knime.paths.PathResolver;
import org.knime.core.node.InvalidSettingsException;

/**
 * Turns the FASTA Reader's location setting into a local file: a plain path, a {@code file:} URL or a
 * {@code knime://} URL (e.g. {@code knime://knime.workflow/data/spikes.fasta}, the workflow's own data folder),
 * resolved by the bundle's {@link PathResolver} like every other path setting, then checked to be a file.
 */
final class FastaLocation {

    private FastaLocation() {
    }

    /** @return the file named by {@code location}, checked to exist and be a regular file */
    static Path resolve(final String location) throws InvalidSettingsException {
        return PathResolver.existingFile(location, "FASTA file", "a .fasta, .fa, .fna or gzipped (.gz) FASTA file");
    }
}
