package org.bertgeometry.training;

/** Training stopped because its {@link TrainingMonitor} asked for it; no model is produced. */
public class TrainingCancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TrainingCancelledException(String message) {
        super(message);
    }
}
