package org.bertgeometry.knime.nodes.infer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bertgeometry.inference.BucketedRun;
import org.bertgeometry.model.BatchInput;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;

/**
 * One window of the Infer node's input rows, run in batches of similar length so that short rows are not padded to
 * the longest row of an arbitrary batch (the plan is {@link BucketedRun#plan}: sorted by token count, ties in input
 * order). The rows with text are numbered in input order from {@code firstSample}, the number of rows with text
 * before the window: that is each row's sample number for the capture sinks, whatever batch it runs in. The output
 * cells of each row are kept by input position until the window is written; captured maps are not kept here, they go
 * to the sinks batch by batch.
 */
final class SortedWindow {

    private final int[] livePositions;
    private final List<int[]> ids;
    private final int[] labels;
    private final long firstSample;
    private final DataCell[][] cells;

    private SortedWindow(final int[] livePositions, final List<int[]> ids, final int[] labels,
        final long firstSample, final int rows) {
        this.livePositions = livePositions;
        this.ids = ids;
        this.labels = labels;
        this.firstSample = firstSample;
        this.cells = new DataCell[rows][];
    }

    /**
     * Tokenizes the window's rows with text.
     *
     * @param rows the window, in input order
     * @param classes class name to class id, for the labels when {@code input} has a label column
     * @param firstSample the sample number of the window's first row with text
     */
    static SortedWindow of(final List<DataRow> rows, final InferInput input, final Map<String, Integer> classes,
        final long firstSample) {
        List<Integer> live = new ArrayList<>();
        List<int[]> ids = new ArrayList<>();
        for (int p = 0; p < rows.size(); p++) {
            if (input.hasText(rows.get(p))) {
                live.add(p);
                ids.add(input.tokenizer().encode(input.text(rows.get(p))).ids());
            }
        }
        int[] labels = null;
        if (input.labelCol() >= 0) {
            labels = live.stream().mapToInt(p -> classes.get(input.label(rows.get(p)))).toArray();
        }
        return new SortedWindow(live.stream().mapToInt(Integer::intValue).toArray(), ids, labels, firstSample,
            rows.size());
    }

    /** The batches to run, each as indices of rows with text (0 = the window's first such row), shortest first. */
    List<int[]> batches(final int batchSize) {
        int[] lengths = ids.stream().mapToInt(a -> a.length).toArray();
        int windowBatches = Math.max(1, (lengths.length + batchSize - 1) / batchSize);
        return BucketedRun.plan(lengths, batchSize, windowBatches);
    }

    /** The right-padded engine input of {@code batch}, with labels when the input has a label column. */
    BatchInput input(final int[] batch, final int padId) {
        List<int[]> seqs = new ArrayList<>();
        int[] batchLabels = labels == null ? null : new int[batch.length];
        for (int k = 0; k < batch.length; k++) {
            seqs.add(ids.get(batch[k]));
            if (batchLabels != null) {
                batchLabels[k] = labels[batch[k]];
            }
        }
        return BatchInput.padded(seqs, padId, batchLabels);
    }

    /** The sample number of each row of {@code batch}, by batch row. */
    long[] samples(final int[] batch) {
        long[] out = new long[batch.length];
        for (int k = 0; k < batch.length; k++) {
            out[k] = firstSample + batch[k];
        }
        return out;
    }

    /** Keeps the output cells of row {@code index} of the rows with text. */
    void put(final int index, final DataCell[] outputCells) {
        cells[livePositions[index]] = outputCells;
    }

    /** The window position (input order) of row {@code index} of the rows with text. */
    int position(final int index) {
        return livePositions[index];
    }

    /** The output cells of the window's row at {@code position}, or {@code null} for a row without text. */
    DataCell[] cellsAt(final int position) {
        return cells[position];
    }

    /** The number of rows with text. */
    int liveRows() {
        return livePositions.length;
    }
}
