package org.bertgeometry.training;

import java.util.List;

/**
 * Token-id sequences with one class label each, as a trainer consumes them. Sequences are the real
 * tokens only (with [CLS]/[SEP], without padding); batches are padded on the fly.
 *
 * @param sequences token ids per sequence
 * @param labels    class id per sequence
 */
public record LabelledSequences(List<int[]> sequences, int[] labels) {

    public LabelledSequences {
        sequences = List.copyOf(sequences);
        labels = labels.clone();
        if (sequences.size() != labels.length) {
            throw new IllegalArgumentException(sequences.size() + " sequences but " + labels.length + " labels");
        }
        for (int i = 0; i < sequences.size(); i++) {
            if (sequences.get(i).length == 0) {
                throw new IllegalArgumentException("sequence " + i + " is empty");
            }
        }
    }

    public int size() {
        return labels.length;
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** Label of sequence {@code i} without copying the array. */
    public int label(int i) {
        return labels[i];
    }
}
