package org.bertgeometry.capture;

/**
 * What a sink knows about the sample a capture belongs to: its row in the batch, its real token ids,
 * its gold label (or -1), the model's prediction (argmax of the classification logits, or -1 when the
 * model has no classification head), and its global index in the data set when the caller knows it.
 *
 * <p>The global index is what makes sink state mergeable: "the first sample of a class" or "the first
 * 100 samples" are the smallest indices, whichever part of the data set a sink saw and in which order.
 * The forward pass does not know it ({@code index = -1}); a runner that splits a data set wraps its
 * sink with {@link CaptureSink#numbered}. Without it, sinks number samples by arrival.
 *
 * @param batchRow  row within the batch
 * @param inputIds  the sample's real token ids (padding removed)
 * @param label     gold label, -1 when unknown
 * @param predicted predicted class, -1 when there is no classifier
 * @param index     0-based global index of the sample in its data set, -1 when unknown
 */
public record SampleContext(int batchRow, int[] inputIds, int label, int predicted, long index) {

    public SampleContext {
        inputIds = inputIds.clone();
    }

    /** A context without a global index (the forward pass's view). */
    public SampleContext(int batchRow, int[] inputIds, int label, int predicted) {
        this(batchRow, inputIds, label, predicted, -1);
    }

    @Override
    public int[] inputIds() {
        return inputIds.clone();
    }

    /** The same sample with global index {@code globalIndex}. */
    public SampleContext withIndex(long globalIndex) {
        return new SampleContext(batchRow, inputIds, label, predicted, globalIndex);
    }

    /**
     * The global index, or {@code arrival} (the sink's own count of earlier samples plus the batch row)
     * when the caller gave none.
     */
    public long indexOr(long arrival) {
        return index >= 0 ? index : arrival;
    }

    /** Number of real tokens. */
    public int validLength() {
        return inputIds.length;
    }

    /** Token id at position {@code i}. */
    public int tokenAt(int i) {
        return inputIds[i];
    }

    /** Position of the first {@code tokenId} among the real tokens, or the number of real tokens. */
    public int firstPositionOf(int tokenId) {
        for (int i = 0; i < inputIds.length; i++) {
            if (inputIds[i] == tokenId) {
                return i;
            }
        }
        return inputIds.length;
    }

    /** Whether a label is known and equals the prediction. */
    public boolean correct() {
        return label >= 0 && label == predicted;
    }
}
