package org.bertgeometry.cli.variants;

import java.io.PrintWriter;
import org.bertgeometry.training.EpochReport;
import org.bertgeometry.training.TrainingMonitor;

/**
 * A one-line text progress bar on stderr for long steps, redrawn in place with a carriage return and
 * finished with a newline; when stderr is not a terminal (CI logs) it prints at most one line per
 * ten percent so logs stay short.
 */
final class ProgressBar implements TrainingMonitor {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String label;
    private final boolean interactive;
    private int lastDecile = -1;
    private final long started = System.nanoTime();

    ProgressBar(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
        this.interactive = System.console() != null;
    }

    @Override
    public void progress(double fraction, String message) {
        double f = Math.max(0, Math.min(1, fraction));
        int filled = (int) Math.round(f * WIDTH);
        String line = String.format("%s [%s%s] %3d%% %s", label, "#".repeat(filled), " ".repeat(WIDTH - filled),
                Math.round(f * 100), message);
        if (interactive) {
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
        if (interactive) {
            err.println();
        }
        err.printf("%s epoch %d: train loss %.4f, validation loss %.4f, validation accuracy %.4f (%.1f s)%n", label,
                r.epoch(), r.trainLoss(), r.validationLoss(), r.validationAccuracy(), r.millis() / 1000.0);
        err.flush();
    }

    /** Ends the bar with the elapsed time. */
    void done() {
        if (interactive) {
            err.println();
        }
        err.printf("%s done in %.1f s%n", label, (System.nanoTime() - started) / 1e9);
        err.flush();
    }
}
