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
 * Pass 2 of the Infer node: runs the rows through the model in batches, feeds the capture sinks and appends
 * prediction, class probabilities, [CLS] embedding and the abstention answer to each row. Rows without text pass
 * through with missing cells and are not run.
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

    /** Runs every row, {@code batchSize} at a time, with progress and cancellation between batches. */
    void runAll(final int batchSize, final ExecutionMonitor exec) throws CanceledExecutionException {
        List<DataRow> batch = new ArrayList<>();
        long total = input.table().size();
        for (DataRow row : input.table()) {
            batch.add(row);
            if (batch.size() == batchSize) {
                run(batch);
                batch.clear();
                exec.checkCanceled();
                exec.setProgress((double)keys.size() / total, "Inferred " + keys.size() + " of " + total + " rows");
            }
        }
        if (!batch.isEmpty()) {
            run(batch);
            exec.setProgress(1.0);
        }
    }

    private void run(final List<DataRow> rows) {
        List<DataRow> live = new ArrayList<>();
        List<int[]> ids = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (DataRow r : rows) {
            if (!input.hasText(r)) {
                out.addRowToTable(append(r, DataType.getMissingCell(), DataType.getMissingCell(),
                    DataType.getMissingCell(), DataType.getMissingCell()));
                continue;
            }
            live.add(r);
            ids.add(input.tokenizer().encode(input.text(r)).ids());
            if (input.labelCol() >= 0) {
                labels.add(classes.get(input.label(r)));
            }
        }
        if (live.isEmpty()) {
            return;
        }
        // labels only when a label column is set (then every row has one, checked in pass 1); the engine
        // rejects partial or out-of-range labels before anything reaches native code
        BatchInput in = BatchInput.padded(ids, input.tokenizer().vocabulary().padId(),
            input.labelCol() < 0 ? null : labels.stream().mapToInt(Integer::intValue).toArray());
        in.validateFor(bert.config());
        ForwardResult result = bert.forward(in, sink, false);
        List<String> classNames = new ArrayList<>(classes.keySet());
        for (int b = 0; b < live.size(); b++) {
            out.addRowToTable(append(live.get(b), outputCells(result, b, classNames, abstention,
                input.text(live.get(b)))));
            keys.add(live.get(b).getKey().getString());
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
