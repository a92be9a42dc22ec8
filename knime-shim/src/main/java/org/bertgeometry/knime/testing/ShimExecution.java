package org.bertgeometry.knime.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;

/**
 * NOT KNIME API: test support of the shim. Creates {@link ExecutionContext}s whose file stores live in a given
 * folder, requests cancellation the way the KNIME UI's cancel button does, and exposes the recorded progress.
 * Plugin main code must never use this class (the real KNIME has no such class).
 */
public final class ShimExecution {
    private static final Class<?>[] NONE = new Class<?>[0];

    private ShimExecution() {
    }

    /** @return a fresh execution context writing file stores below {@code fileStoreRoot} */
    public static ExecutionContext createContext(final Path fileStoreRoot) {
        return ShimInternals.callUnchecked(ExecutionContext.class, null, "root", new Class<?>[] {Path.class},
            fileStoreRoot);
    }

    /** Marks the monitor (and all monitors sharing its flag) canceled; the next checkCanceled() throws. */
    public static void cancel(final ExecutionMonitor monitor) {
        ShimInternals.<AtomicBoolean> callUnchecked(ExecutionMonitor.class, monitor, "canceledFlag", NONE).set(true);
    }

    /**
     * Requests cancellation as soon as the node has reported progress {@code progressReports} times, which lets a
     * test cancel a node in the middle of its work deterministically.
     */
    public static void cancelAfterProgressReports(final ExecutionMonitor monitor, final int progressReports) {
        ShimInternals.callUnchecked(ExecutionMonitor.class, monitor, "cancelAfter", new Class<?>[] {int.class},
            progressReports);
    }

    /** @return the absolute progress values reported so far, in order */
    public static List<Double> progress(final ExecutionMonitor monitor) {
        return List.copyOf(ShimInternals.<List<Double>> callUnchecked(ExecutionMonitor.class, monitor,
            "progressLog", NONE));
    }

    /** @return the progress messages reported so far, in order */
    public static List<String> messages(final ExecutionMonitor monitor) {
        return List.copyOf(ShimInternals.<List<String>> callUnchecked(ExecutionMonitor.class, monitor,
            "messageLog", NONE));
    }
}
