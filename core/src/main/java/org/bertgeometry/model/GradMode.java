package org.bertgeometry.model;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's autograd switch for the current thread, held off for a scope. PyTorch keeps grad mode per thread and
 * switches it on for every new thread; DJL switches it off only on the thread that first loads the engine. Code
 * running on any other thread (KNIME's worker threads, an executor) therefore records autograd graphs in every
 * forward pass, and a training step's in-place weight update fails with "a leaf Variable that requires grad is
 * being used in an in-place operation". Every engine entry point (inference passes, a training run) opens this
 * scope, so the thread it runs on does not matter; inside it, DJL's GradientCollector switches grad mode on for
 * each backward pass and back off when it closes. Closing the scope restores the thread's previous mode.
 */
public final class GradMode implements AutoCloseable {
    private final boolean previous;

    private GradMode(boolean previous) {
        this.previous = previous;
    }

    /** Switches grad mode off on this thread until {@link #close()}. Loads the engine if needed. */
    public static GradMode off() {
        Engine.getEngine("PyTorch"); // the natives must be loaded before JniUtils is called
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        return new GradMode(previous);
    }

    /** Whether autograd records on this thread now (inside a {@code GradientCollector}, or on a fresh thread). */
    public static boolean isOn() {
        Engine.getEngine("PyTorch");
        return JniUtils.isGradMode();
    }

    /** Restores the thread's grad mode from before {@link #off()}. */
    @Override
    public void close() {
        JniUtils.setGradMode(previous);
    }
}
