package org.bertgeometry.cli;

import org.bertgeometry.model.EngineThreads;
import picocli.CommandLine.Option;

/**
 * The {@code --threads N} option of every command that runs a model: PyTorch's intra-op thread count
 * for the command's forward passes and training steps, which run on the command's own thread. Default:
 * every core this JVM may use (one command per process, so nothing else competes for them).
 */
public final class ThreadsOption {

    @Option(names = "--threads", paramLabel = "N", description = "PyTorch threads for the model "
            + "(default: -Dai.djl.pytorch.num_threads if set, else the available cores).")
    Integer threads;

    /** The requested count, else {@code ai.djl.pytorch.num_threads}, else the available cores. */
    public int count() {
        return threads != null ? OptionChecks.atLeast("--threads", 1, threads)
                : Integer.getInteger("ai.djl.pytorch.num_threads", EngineThreads.available());
    }

    /** Sets the count on the calling thread, where the command then runs its model. */
    public void apply() {
        EngineThreads.useOnCallingThread(count());
    }
}
