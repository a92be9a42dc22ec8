package org.bertgeometry.cli.variants;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.bertgeometry.cli.io.Stdio;
import org.bertgeometry.variants.spike.SpikeExtractor;
import picocli.CommandLine.Option;

/**
 * The {@code --fasta} input of {@code train} and {@code predict} (a picocli mixin): spikes or whole
 * genomes, read through {@link SpikeInput} with every skipped genome reported, and refused when no
 * sequence is left, so that both commands read their input the same way.
 */
final class FastaOption {

    @Option(names = "--fasta", required = true, paramLabel = "FILE", description = "Spike sequences or whole genomes "
            + "(FASTA, plain or .gz; - for standard input).")
    Path fasta;

    /**
     * The spikes of {@code --fasta}; skipped genomes are reported on {@code err}. No spike at all is
     * an error ending in {@code consequence}, e.g. "nothing to classify".
     */
    SpikeInput.Result read(PrintWriter err, String consequence) throws IOException {
        SpikeInput.Result input = SpikeInput.read(fasta, SpikeExtractor.withDefaults(), err);
        SpikeInput.reportSkipped(input.skipped(), err);
        if (input.spikes().isEmpty()) {
            throw new IllegalArgumentException(name() + ": none of the " + input.genomes() + " genomes has a usable "
                    + "spike; " + consequence);
        }
        return input;
    }

    /** How messages name the input. */
    String name() {
        return Stdio.name(fasta, true);
    }
}
