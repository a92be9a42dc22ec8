package org.bertgeometry.model;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's intra-op thread count, as this project sets it. Measured with the bundled libtorch
 * (OpenMP build): the count belongs to the calling thread (OpenMP's per-thread {@code nthreads}
 * setting), a thread that has never set one starts from the value set last by any thread, and the
 * engine's start-up default is {@code ai.djl.pytorch.num_threads} or every core. So the count is set
 * on the thread that runs a forward pass, right before it runs ({@link BertModel#setThreads}); see
 * docs/performance.md, "Threads".
 */
public final class EngineThreads {

    private EngineThreads() {
    }

    /** The cores this JVM may use. */
    public static int available() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Sets PyTorch's intra-op thread count for work submitted from the calling thread (starting the
     * engine if needed).
     *
     * @throws IllegalArgumentException when {@code n < 1}
     */
    public static void useOnCallingThread(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("the thread count must be at least 1, got " + n);
        }
        Engine.getEngine("PyTorch");
        if (JniUtils.getNumThreads() != n) {
            JniUtils.setNumThreads(n);
        }
    }
}
