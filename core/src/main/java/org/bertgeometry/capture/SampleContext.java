package org.bertgeometry.capture;

/**
 * What a sink knows about the sample a capture belongs to: its row in the batch, its real token ids,
 * its gold label (or -1) and the model's prediction (argmax of the classification logits, or -1 when the
 * model has no classification head). Sinks that need a running sample number count
 * {@link CaptureSink#sampleDone} calls: samples arrive in batch order.
 *
 * @param batchRow  row within the batch
 * @param inputIds  the sample's real token ids (padding removed)
 * @param label     gold label, -1 when unknown
 * @param predicted predicted class, -1 when there is no classifier
 */
public record SampleContext(int batchRow, int[] inputIds, int label, int predicted) {

    public SampleContext {
        inputIds = inputIds.clone();
    }

    @Override
    public int[] inputIds() {
        return inputIds.clone();
    }

    /** Number of real tokens. */
    public int validLength() {
        return inputIds.length;
    }

    /** Token id at position {@code i}. */
    public int tokenAt(int i) {
        return inputIds[i];
    }

    /** Whether a label is known and equals the prediction. */
    public boolean correct() {
        return label >= 0 && label == predicted;
    }
}
