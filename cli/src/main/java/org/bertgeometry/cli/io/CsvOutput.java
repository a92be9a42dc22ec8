package org.bertgeometry.cli.io;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.bertgeometry.report.table.CsvWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --output CSV} option of the commands that write one result table (a picocli mixin):
 * the table goes to that file, or to standard output for {@code -}, and the command's one-line
 * summary goes wherever the table does not ({@link Stdio#summary}).
 */
public final class CsvOutput {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--output", required = true, paramLabel = "CSV", description = "Result CSV; - for standard output.")
    Path path;

    /** A writer onto the output; close it when the table is complete. */
    public CsvWriter open() throws IOException {
        return Stdio.csv(path, spec);
    }

    /** Prints the command's summary line, naming where the table went. */
    public void summary(String text) {
        PrintWriter w = Stdio.summary(path, spec);
        w.println(text + " -> " + Stdio.name(path, false));
        w.flush();
    }
}
