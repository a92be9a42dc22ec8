package org.bertgeometry.cli.geometry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.bertgeometry.cli.io.CsvOutput;
import org.bertgeometry.geometry.SpecialPositions;
import org.bertgeometry.report.table.CsvWriter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What {@code attention-stats} and {@code classify-heads} share (a picocli mixin): the attention
 * maps they read ({@code --attention}), the special positions of those maps, and the one-row-per-map
 * result table they write ({@code --output}, {@code -} for standard output) with its summary line.
 */
final class AttentionTableArguments {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--attention", required = true, paramLabel = "PATH",
            description = "A .npy/.csv attention matrix or a folder of them.")
    Path attention;

    @Mixin
    CsvOutput output = new CsvOutput();

    @Mixin
    SpecialPositionOptions special = new SpecialPositionOptions();

    /** The maps named by {@code --attention}. */
    List<AttentionFiles.Named> load() throws IOException {
        return AttentionFiles.load(attention);
    }

    /** The special positions of an n x n map. */
    SpecialPositions special(int n) {
        return special.resolve(n);
    }

    /** Writes {@code header} and one row per map to {@code --output}, then the summary line. */
    void write(List<String> header, List<List<String>> rows) throws IOException {
        try (CsvWriter w = output.open()) {
            w.record(header);
            for (List<String> r : rows) {
                w.record(r);
            }
        }
        output.summary(spec.name() + ": " + rows.size() + " matrices");
    }
}
