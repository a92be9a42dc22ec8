package org.bertgeometry.cli.engine;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.bertgeometry.checkpoint.BertCheckpoint;
import org.bertgeometry.checkpoint.ModelLoader;
import org.bertgeometry.cli.io.Stdio;
import org.bertgeometry.report.table.CsvWriter;
import org.bertgeometry.tokenize.Encoding;
import org.bertgeometry.tokenize.Tokenizer;
import org.bertgeometry.tokenize.TokenizerFactory;
import org.bertgeometry.tokenize.Vocabulary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bertgeo tokenize}: the model's own tokenizer applied to each line of a text file. Writes
 * CSV {@code line,tokens,ids,truncated} (tokens and ids space-separated), one row per input line.
 */
@Command(name = "tokenize", description = "Tokenize each line of a text file with a model's tokenizer; "
        + "CSV columns line,tokens,ids,truncated.")
public final class TokenizeCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "PATH", description = "The model (any importable format).")
    Path model;

    @Option(names = "--input", required = true, paramLabel = "TEXT_FILE",
            description = "One text (or sequence) per line; - for standard input.")
    Path input;

    @Option(names = "--output", paramLabel = "CSV", description = "Where to write; standard output when absent or -.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<String> lines = InputLines.read(input);
        BertCheckpoint cp = ModelLoader.load(model);
        Tokenizer tokenizer = TokenizerFactory.create(cp.tokenizerConfig(), Vocabulary.of(cp.vocabulary()));
        int truncated = 0;
        try (CsvWriter w = Stdio.csv(output == null ? Path.of(Stdio.DASH) : output, spec)) {
            w.record("line", "tokens", "ids", "truncated");
            for (int i = 0; i < lines.size(); i++) {
                Encoding e = tokenizer.encode(lines.get(i));
                truncated += e.truncated() ? 1 : 0;
                StringBuilder ids = new StringBuilder();
                for (int j = 0; j < e.realLength(); j++) {
                    ids.append(j == 0 ? "" : " ").append(e.ids()[j]);
                }
                w.record(i + 1, String.join(" ", e.tokens().subList(0, e.realLength())), ids, e.truncated());
            }
        }
        if (truncated > 0) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("bertgeo: warning: " + truncated + " of " + lines.size() + " lines were truncated to "
                    + tokenizer.maxLength() + " tokens");
        }
        return 0;
    }
}
