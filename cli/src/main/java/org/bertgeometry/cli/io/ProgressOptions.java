package org.bertgeometry.cli.io;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import picocli.CommandLine.Option;

/**
 * The {@code --progress}/{@code --no-progress} option of the long-running commands (a picocli
 * mixin): {@code --progress} draws one line in place, {@code --no-progress} shows none. Without
 * either, progress is drawn in place when the process runs on a terminal and printed as one line
 * per ten percent otherwise. "On a terminal" cannot rest on
 * {@code System.console() != null}: from JDK 22 on, that console can exist even when the output is
 * redirected (JDK 22's JLine-based console did so by default), and only {@code Console.isTerminal()}
 * (JDK 22+, called by reflection because the build targets Java 17) tells the two apart. Checked by
 * hand on JDK 17 and JDK 25 under {@code script} (a terminal) and through a pipe. On JDK 17 to 21 a
 * non-null console already means a terminal. Neither looks at standard error itself, which is where
 * progress goes; the explicit options are there for the cases the guess gets wrong.
 */
public final class ProgressOptions {

    /** How progress is shown. */
    public enum Mode {
        /** One line redrawn in place (a terminal). */
        REDRAW,
        /** At most one line per ten percent (a log file). */
        LINES,
        /** Nothing but the closing summary. */
        OFF
    }

    @Option(names = "--progress", negatable = true, fallbackValue = "true",
            description = "Progress on stderr: --progress redraws one line in place, --no-progress shows none; "
                    + "default: redrawn on a terminal, one line per 10%% otherwise.")
    Boolean progress;

    /** The mode the options and the terminal give. */
    public Mode mode() {
        if (progress == null) {
            return onTerminal() ? Mode.REDRAW : Mode.LINES;
        }
        return progress ? Mode.REDRAW : Mode.OFF;
    }

    /** A bar on {@code err} in this mode. */
    public ProgressBar bar(PrintWriter err, String label) {
        return new ProgressBar(err, label, mode());
    }

    /** Whether the process's console is an interactive terminal (see the class comment). */
    static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // JDK 17-21: System.console() is null unless stdin and stdout are a terminal
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
