package org.bertgeometry.knime.nodes.infer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bertgeometry.tokenize.Tokenizer;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.StringValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/**
 * The rows the Infer node runs and how to read them: the table, its text and label columns and the model's
 * tokenizer. Shared by the cheap first pass ({@link #survey}) and the batches ({@link BatchInference}).
 *
 * @param table the input table
 * @param textCol index of the text column
 * @param labelCol index of the label column, or -1 for none
 * @param tokenizer the model's tokenizer, limited to the node's maximum length
 */
record InferInput(BufferedDataTable table, int textCol, int labelCol, Tokenizer tokenizer) {

    /**
     * What the first pass finds.
     *
     * @param classes class name to class id: the model's labels, or those of the label column in order of first
     *            appearance when the model has none
     * @param fixedClasses whether the classes are the model's own
     * @param longest the longest encoding in tokens (at least 1), the side of the class-mean maps
     */
    record Survey(Map<String, Integer> classes, boolean fixedClasses, int longest) {
        /** Copies the map, keeping its order. */
        Survey {
            classes = Collections.unmodifiableMap(new LinkedHashMap<>(classes));
        }
    }

    /** Whether the row has text to run. */
    boolean hasText(final DataRow row) {
        return !row.getCell(textCol).isMissing();
    }

    /** The row's text; only for rows that {@linkplain #hasText have text}. */
    String text(final DataRow row) {
        return ((StringValue)row.getCell(textCol)).getStringValue();
    }

    /** The row's label; only with a label column, after the survey checked that every row has one. */
    String label(final DataRow row) {
        return ((StringValue)row.getCell(labelCol)).getStringValue();
    }

    /**
     * Pass 1 (cheap, no weights): the longest encoding and the class names.
     *
     * @param modelLabels the model's labels; when not empty, every label in the table must be one of them
     * @throws IllegalArgumentException for a row without label, or with a label the model does not know
     */
    Survey survey(final List<String> modelLabels, final ExecutionMonitor exec) throws CanceledExecutionException {
        Map<String, Integer> classes = new LinkedHashMap<>();
        modelLabels.forEach(l -> classes.put(l, classes.size()));
        boolean fixedClasses = !classes.isEmpty();
        int longest = 1;
        for (DataRow row : table) {
            exec.checkCanceled();
            if (hasText(row)) {
                longest = Math.max(longest, tokenizer.encode(text(row)).length());
            }
            if (labelCol >= 0) {
                DataCell cell = row.getCell(labelCol);
                if (cell.isMissing()) {
                    throw new IllegalArgumentException("Row " + row.getKey() + " has no label. Filter or fill rows"
                        + " with missing labels (for example with the Missing Value node), or clear the label"
                        + " column setting.");
                }
                String l = label(row);
                if (!classes.containsKey(l)) {
                    if (fixedClasses) {
                        throw new IllegalArgumentException("Row " + row.getKey() + " has label '" + l
                            + "', which the model does not know; its labels are " + modelLabels + ".");
                    }
                    classes.put(l, classes.size());
                }
            }
        }
        return new Survey(classes, fixedClasses, longest);
    }
}
