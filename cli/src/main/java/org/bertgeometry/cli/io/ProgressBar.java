package org.bertgeometry.cli.io;

import java.io.PrintWriter;
import java.util.Locale;
import org.bertgeometry.training.EpochReport;
import org.bertgeometry.training.TrainingMonitor;

/**
 * Progress of a long step on standard error, so that standard output stays clean for data. On a
 * terminal it is one line redrawn in place with a carriage return and finished with a newline;
 * elsewhere (a CI log, a file) it prints at most one line per ten percent so logs stay short; with
 * {@code --no-progress} it prints nothing but the closing "done" line. Whether stderr is a terminal
 * is decided by {@link ProgressOptions}.
 */
public final class ProgressBar implements TrainingMonitor {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String label;
    private final ProgressOptions.Mode mode;
    private int lastDecile = -1;
    private final long started = System.nanoTime();

    /** A bar labelled {@code label} on {@code err}, drawn as {@code mode} says. */
    public ProgressBar(PrintWriter err, String label, ProgressOptions.Mode mode) {
        this.err = err;
        this.label = label;
        this.mode = mode;
    }

    /** Reports {@code done} of {@code total} items, e.g. lines or sequences. */
    public void items(long done, long total, String unit) {
        progress(total == 0 ? 1 : (double) done / total, done + "/" + total + " " + unit);
    }

    @Override
    public void progress(double fraction, String message) {
        if (mode == ProgressOptions.Mode.OFF) {
            return;
        }
        double f = Math.max(0, Math.min(1, fraction));
        int filled = (int) Math.round(f * WIDTH);
        String line = String.format(Locale.ROOT, "%s [%s%s] %3d%% %s", label, "#".repeat(filled),
                " ".repeat(WIDTH - filled), Math.round(f * 100), message);
        if (mode == ProgressOptions.Mode.REDRAW) {
            err.print("\r" + line + "   ");
            err.flush();
        } else {
            int decile = (int) Math.floor(f * 10);
            if (decile != lastDecile) {
                lastDecile = decile;
                err.println(line);
                err.flush();
            }
        }
    }

    @Override
    public void epochFinished(EpochReport r) {
        endRedrawnLine();
        err.printf(Locale.ROOT, "%s epoch %d: train loss %.4f, validation loss %.4f, validation accuracy %.4f (%.1f s)%n",
                label, r.epoch(), r.trainLoss(), r.validationLoss(), r.validationAccuracy(), r.millis() / 1000.0);
        err.flush();
    }

    /** Ends the bar with the elapsed time. */
    public void done() {
        endRedrawnLine();
        if (mode != ProgressOptions.Mode.OFF) {
            err.printf(Locale.ROOT, "%s done in %.1f s%n", label, (System.nanoTime() - started) / 1e9);
        }
        err.flush();
    }

    private void endRedrawnLine() {
        if (mode == ProgressOptions.Mode.REDRAW) {
            err.println();
        }
    }
}
