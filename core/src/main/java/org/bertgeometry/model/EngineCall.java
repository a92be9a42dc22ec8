package org.bertgeometry.model;

/**
 * What one forward call sets on the calling thread and restores afterwards: PyTorch's intra-op thread
 * count ({@link BertModel#setThreads}) and, for passes whose outputs leave as Java arrays, autograd
 * off, so that no graph (and none of the intermediates it would keep alive) is recorded even when the
 * parameters require gradients, as they do during training. Both settings are per calling thread in
 * libtorch (grad mode is thread-local; the OpenMP thread count is the calling thread's, see
 * docs/performance.md), so concurrent callers on other threads are not affected.
 */
final class EngineCall implements AutoCloseable {

    /** Autograd held off for inference passes; null for training calls, which keep the caller's mode. */
    private final GradMode gradOff;

    private EngineCall(GradMode gradOff) {
        this.gradOff = gradOff;
    }

    /** Sets {@code threads} (0: leave as is) and turns autograd off until {@link #close}. */
    static EngineCall inference(int threads) {
        applyThreads(threads);
        return new EngineCall(GradMode.off());
    }

    /** Sets {@code threads} (0: leave as is); autograd stays as the caller has it. */
    static EngineCall training(int threads) {
        applyThreads(threads);
        return new EngineCall(null);
    }

    private static void applyThreads(int threads) {
        if (threads > 0) {
            EngineThreads.useOnCallingThread(threads);
        }
    }

    @Override
    public void close() {
        if (gradOff != null) {
            gradOff.close();
        }
    }
}
