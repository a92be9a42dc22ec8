package org.bertgeometry.training;

/**
 * The trainer's link to whoever runs it (the CLI's progress bar, a KNIME node's execution context):
 * progress after every batch, a report after every epoch, and a cancellation check that the trainer
 * polls once per batch.
 */
public interface TrainingMonitor {

    /** Overall progress in [0, 1] with a short message. */
    void progress(double fraction, String message);

    /** Called once per finished epoch. */
    default void epochFinished(EpochReport report) {
    }

    /** Polled once per batch; returning true stops training with {@link TrainingCancelledException}. */
    default boolean isCancelled() {
        return false;
    }

    /** A monitor that ignores everything. */
    static TrainingMonitor silent() {
        return (f, m) -> { };
    }
}
