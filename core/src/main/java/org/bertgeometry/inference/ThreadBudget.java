package org.bertgeometry.inference;

/**
 * Shares a machine's cores among model runs that execute at the same time in one process, as KNIME's
 * parallel node execution does: a run that asks for the default gets {@code cores / (runs active now,
 * itself included)} threads, at least one, for as long as it holds its {@link Lease}. So one run alone
 * uses every core, two at once start with half each, and the sum stays near the core count instead of
 * reaching runs × cores. A run that asks for an explicit count gets that count (the user decided).
 * Thread-safe.
 */
public final class ThreadBudget {

    private final int cores;
    private int active;

    /** @param cores the cores to share, at least 1 */
    public ThreadBudget(int cores) {
        if (cores < 1) {
            throw new IllegalArgumentException("need at least one core, got " + cores);
        }
        this.cores = cores;
    }

    /** A run's share; close it when the run ends. */
    public final class Lease implements AutoCloseable {
        private final int threads;
        private boolean closed;

        private Lease(int threads) {
            this.threads = threads;
        }

        /** Threads this run should use. */
        public int threads() {
            return threads;
        }

        @Override
        public void close() {
            synchronized (ThreadBudget.this) {
                if (!closed) {
                    closed = true;
                    active--;
                }
            }
        }
    }

    /**
     * Starts a run.
     *
     * @param requested an explicit thread count, or 0 for the fair share of the cores
     */
    public synchronized Lease acquire(int requested) {
        if (requested < 0) {
            throw new IllegalArgumentException("the thread count must be 0 (automatic) or positive, got " + requested);
        }
        active++;
        return new Lease(requested > 0 ? requested : Math.max(1, cores / active));
    }
}
