package org.bertgeometry.knime.nodes.infer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bertgeometry.capture.CaptureSink;
import org.bertgeometry.model.BatchInput;
import org.bertgeometry.model.BertModel;
import org.bertgeometry.model.ForwardResult;
import org.bertgeometry.model.Logits;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataType;
import org.knime.core.data.collection.CollectionCellFactory;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/**
 * Pass 2 of the Infer node: runs the rows through the model in batches of similar length ({@link SortedWindow}),
 * feeds the capture sinks and appends prediction, class probabilities, [CLS] embedding and the abstention answer
 * to each row, in input order. Rows without text pass through with missing cells and are not run.
 *
 * @param input the rows and how to read them
 * @param bert the model on the engine
 * @param classes class name to class id (from {@link InferInput#survey})
 * @param sink receives every captured tensor
 * @param out the output table
 * @param keys receives the row key of every row run, in order; its size is the number of samples seen, and a
 *            sample's index in it is the sample number the sinks report
 * @param abstention the abstention column's rule
 */
record BatchInference(InferInput input, BertModel bert, Map<String, Integer> classes, CaptureSink sink,
    BufferedDataContainer out, List<String> keys, AbstentionColumn abstention) {

    /** Batches sorted by length together (see {@link SortedWindow}); only output cells wait, never captured maps. */
    static final int WINDOW_BATCHES = 8;

    /**
     * Runs every row, {@code batchSize} at a time, in windows of {@code windowBatches} batches sorted by length, with
     * progress and cancellation between batches; output rows are written in input order.
     */
    void runAll(final int batchSize, final int windowBatches, final ExecutionMonitor exec)
        throws CanceledExecutionException {
        int window = Math.multiplyExact(batchSize, windowBatches);
        List<DataRow> rows = new ArrayList<>();
        long total = input.table().size();
        for (DataRow row : input.table()) {
            rows.add(row);
            if (rows.size() == window) {
                runWindow(rows, batchSize, total, exec);
                rows.clear();
            }
        }
        if (!rows.isEmpty()) {
            runWindow(rows, batchSize, total, exec);
        }
        exec.setProgress(1.0);
    }

    private void runWindow(final List<DataRow> rows, final int batchSize, final long total,
        final ExecutionMonitor exec) throws CanceledExecutionException {
        SortedWindow window = SortedWindow.of(rows, input, classes, keys.size());
        List<String> classNames = new ArrayList<>(classes.keySet());
        int done = 0;
        for (int[] batch : window.batches(batchSize)) {
            // labels only when a label column is set (then every row has one, checked in pass 1); the engine
            // rejects partial or out-of-range labels before anything reaches native code
            BatchInput in = window.input(batch, input.tokenizer().vocabulary().padId());
            in.validateFor(bert.config());
            // the sinks number samples by input order, whichever batch a row runs in
            ForwardResult result = bert.forward(in, CaptureSink.numbered(sink, window.samples(batch)), false);
            for (int b = 0; b < batch.length; b++) {
                window.put(batch[b], outputCells(result, b, classNames, abstention,
                    input.text(rows.get(window.position(batch[b])))));
            }
            done += batch.length;
            exec.checkCanceled();
            exec.setProgress((double)(keys.size() + done) / total,
                "Inferred " + (keys.size() + done) + " of " + total + " rows");
        }
        for (int p = 0; p < rows.size(); p++) {
            DataCell[] cells = window.cellsAt(p);
            if (cells == null) {
                out.addRowToTable(append(rows.get(p), DataType.getMissingCell(), DataType.getMissingCell(),
                    DataType.getMissingCell(), DataType.getMissingCell()));
            } else {
                out.addRowToTable(append(rows.get(p), cells));
                keys.add(rows.get(p).getKey().getString());
            }
        }
    }

    /**
     * Prediction and probabilities (missing without a classifier head), the [CLS] embedding and the abstention
     * answer of sample b.
     */
    private static DataCell[] outputCells(final ForwardResult result, final int b, final List<String> classNames,
        final AbstentionColumn abstention, final String text) {
        DataCell prediction = DataType.getMissingCell();
        DataCell probabilities = DataType.getMissingCell();
        double[] p = null;
        if (result.logits() != null) {
            p = Logits.softmax(result.logits()[b]);
            int arg = 0;
            List<DataCell> cells = new ArrayList<>();
            for (int k = 0; k < p.length; k++) {
                cells.add(new DoubleCell(p[k]));
                if (p[k] > p[arg]) {
                    arg = k;
                }
            }
            probabilities = CollectionCellFactory.createListCell(cells);
            prediction = new StringCell(arg < classNames.size() ? classNames.get(arg) : Integer.toString(arg));
        }
        List<DataCell> cls = new ArrayList<>();
        for (float v : result.lastHidden()[b][0]) {
            cls.add(new DoubleCell(v));
        }
        float[] feature = result.pooled() != null ? result.pooled()[b] : result.lastHidden()[b][0];
        return new DataCell[]{prediction, probabilities, CollectionCellFactory.createListCell(cls),
            abstention.cell(p, feature, text)};
    }

    private static DataRow append(final DataRow row, final DataCell... extra) {
        List<DataCell> cells = new ArrayList<>();
        row.forEach(cells::add);
        cells.addAll(List.of(extra));
        return new DefaultRow(row.getKey(), cells);
    }
}
