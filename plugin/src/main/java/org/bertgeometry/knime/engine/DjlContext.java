package org.bertgeometry.knime.engine;

import java.util.concurrent.Callable;
import org.bertgeometry.inference.ThreadBudget;
import org.bertgeometry.model.EngineThreads;

/**
 * Runs engine calls that touch DJL with what DJL needs inside KNIME/OSGi: the thread context class loader set to
 * this bundle's loader (DJL finds its engine through ServiceLoader and the PyTorch natives through
 * {@code native/lib/pytorch.properties} on the context loader; KNIME's worker threads carry another loader), and
 * offline mode on (no native download, no telemetry call) unless the user set it explicitly. The previous loader
 * is restored afterwards.
 *
 * <p>Threads: the task's PyTorch thread count is set on the calling thread (libtorch keeps it per thread, see
 * docs/performance.md), from the preference {@code -Dbertgeo.threads=N} in {@code knime.ini}, else a fair share of
 * the cores among the model nodes running at the same moment ({@link ThreadBudget}), so that KNIME's parallel
 * node execution does not start nodes × cores threads (docs/knime.md, "Threads").
 */
public final class DjlContext {

    /** {@code knime.ini} preference: PyTorch threads per model node; unset or 0 means a fair share. */
    public static final String THREADS_PROPERTY = "bertgeo.threads";

    /**
     * One budget for the whole KNIME process, because the cores it shares are the process's: this is the one piece
     * of static state in the plugin, and it only counts the model nodes running now.
     */
    private static final ThreadBudget BUDGET = new ThreadBudget(EngineThreads.available());

    private DjlContext() {
    }

    /**
     * @param task the engine work
     * @return its result
     * @throws Exception whatever the task throws
     */
    public static <T> T call(final Callable<T> task) throws Exception {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(DjlContext.class.getClassLoader());
        try (ThreadBudget.Lease lease = BUDGET.acquire(requestedThreads())) {
            EngineThreads.useOnCallingThread(lease.threads());
            return task.call();
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    /** The {@value #THREADS_PROPERTY} preference: 0 (automatic) when unset. */
    static int requestedThreads() {
        String v = System.getProperty(THREADS_PROPERTY);
        if (v == null || v.isBlank()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("-D" + THREADS_PROPERTY + "=" + v + " in knime.ini is not a thread count; "
            + "use a positive whole number, or 0 to share the cores among the running model nodes");
    }
}
