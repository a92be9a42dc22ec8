package org.knime.core.node;

import java.nio.file.Path;
import java.util.List;

/**
 * NOT KNIME API: test support of the shim. Creates {@link ExecutionContext}s whose file stores live in a given
 * folder, requests cancellation the way the KNIME UI's cancel button does, and exposes the recorded progress.
 * Plugin main code must never use this class (the real KNIME has no such class).
 */
public final class ShimExecution {
    private ShimExecution() {
    }

    /** @return a fresh execution context writing file stores below {@code fileStoreRoot} */
    public static ExecutionContext createContext(final Path fileStoreRoot) {
        return ExecutionContext.root(fileStoreRoot);
    }

    /** Marks the monitor (and all monitors sharing its flag) canceled; the next checkCanceled() throws. */
    public static void cancel(final ExecutionMonitor monitor) {
        monitor.canceledFlag().set(true);
    }

    /**
     * Requests cancellation as soon as the node has reported progress {@code progressReports} times, which lets a
     * test cancel a node in the middle of its work deterministically.
     */
    public static void cancelAfterProgressReports(final ExecutionMonitor monitor, final int progressReports) {
        monitor.cancelAfter(progressReports);
    }

    /** @return the absolute progress values reported so far, in order */
    public static List<Double> progress(final ExecutionMonitor monitor) {
        return List.copyOf(monitor.progressLog());
    }

    /** @return the progress messages reported so far, in order */
    public static List<String> messages(final ExecutionMonitor monitor) {
        return List.copyOf(monitor.messageLog());
    }
}
