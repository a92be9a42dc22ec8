package org.bertgeometry.knime.engine;

import java.util.concurrent.Callable;

/**
 * Runs engine calls that touch DJL with what DJL needs inside KNIME/OSGi: the thread context class loader set to
 * this bundle's loader (DJL finds its engine through ServiceLoader and the PyTorch natives through
 * {@code native/lib/pytorch.properties} on the context loader; KNIME's worker threads carry another loader), and
 * offline mode on (no native download, no telemetry call) unless the user set it explicitly. The previous loader
 * is restored afterwards.
 */
public final class DjlContext {
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
        try {
            return task.call();
        } finally {
            t.setContextClassLoader(previous);
        }
    }
}
