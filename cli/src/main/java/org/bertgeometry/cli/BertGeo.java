package org.bertgeometry.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The {@code bertgeo} command: one entry point whose subcommands drive the engine from a shell.
 * Conventions shared by every subcommand: results go to the files named by {@code --output}
 * ({@code -} for stdout), summaries to stdout (to stderr when stdout carries the result), progress
 * and warnings to stderr, and an error is one clear line on stderr with a non-zero exit code; the
 * stack trace is shown only with {@code --debug}. {@code --help} and {@code --version} work on
 * every subcommand.
 */
@Command(name = "bertgeo",
        mixinStandardHelpOptions = true,
        // every subcommand inherits --help and --version, so that help never waits for required options
        scope = CommandLine.ScopeType.INHERIT,
        versionProvider = BuildVersion.class,
        description = "Look inside BERT models: load, tokenize, infer with attention capture, and measure "
                + "the geometry of \"The geometry of BERT\" (Bonino, Ghione, Cirrincione, 2025).",
        subcommands = {
            CommandLine.HelpCommand.class,
            org.bertgeometry.cli.variants.CaseStudyCommand.class,
            org.bertgeometry.cli.variants.AnalyzeCommand.class,
            org.bertgeometry.cli.engine.InspectModelCommand.class,
            org.bertgeometry.cli.engine.TokenizeCommand.class,
            org.bertgeometry.cli.engine.InferCommand.class,
            org.bertgeometry.cli.engine.FillMaskCommand.class,
            org.bertgeometry.cli.geometry.ConeIndexCommand.class,
            org.bertgeometry.cli.geometry.AttentionStatsCommand.class,
            org.bertgeometry.cli.geometry.ClassifyHeadsCommand.class,
            org.bertgeometry.cli.geometry.DirectionalityCommand.class,
            org.bertgeometry.cli.geometry.AttentionFlowCommand.class,
            org.bertgeometry.cli.variants.SimulateCommand.class,
            org.bertgeometry.cli.variants.ExtractSpikeCommand.class,
            org.bertgeometry.cli.variants.TrainCommand.class,
            org.bertgeometry.cli.variants.PredictCommand.class,
        })
public final class BertGeo {

    /** Exit code for an error the user can fix (bad input, missing file). */
    public static final int EXIT_ERROR = 1;
    /** Exit code for a command line that picocli cannot parse. */
    public static final int EXIT_USAGE = 2;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    boolean debug;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams; returns the exit code (used by tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        BertGeo root = new BertGeo();
        CommandLine cl = commandLine(root);
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("bertgeo: " + ex.getMessage());
            err.println("Try 'bertgeo " + commandPath(ex.getCommandLine()) + "--help' for usage.");
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("bertgeo: error: " + describe(ex));
            if (root.debug || Boolean.getBoolean("bertgeo.debug")) {
                ex.printStackTrace(err);
            }
            err.flush();
            return EXIT_ERROR;
        });
        return cl.execute(args);
    }

    /** The command tree of {@code root}, every subcommand included (tests enumerate it). */
    static CommandLine commandLine(BertGeo root) {
        return new CommandLine(root);
    }

    private static String commandPath(CommandLine cl) {
        StringBuilder sb = new StringBuilder();
        for (CommandLine c = cl; c != null && c.getParent() != null; c = c.getParent()) {
            sb.insert(0, c.getCommandName() + " ");
        }
        return sb.toString();
    }

    /** The exception's message, or its type when it has none, so the line is never empty. */
    static String describe(Throwable ex) {
        String msg = ex.getMessage();
        if (msg == null || msg.isBlank()) {
            return ex.getClass().getSimpleName()
                    + (ex.getCause() != null ? ": " + describe(ex.getCause()) : "");
        }
        return msg;
    }
}
