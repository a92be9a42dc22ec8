package org.bertgeometry.knime.nodes.infer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.bertgeometry.variants.abstention.AbstentionReason;
import org.bertgeometry.variants.abstention.AbstentionRule;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataType;
import org.knime.core.data.def.StringCell;

/**
 * The Infer node's {@value #NAME} column (docs/methods.md, "Calibration and abstention"): "assigned" when the
 * model's abstention rule accepts its prediction, else "unassigned: " and the reasons (low probability, far
 * embedding, missing signature). The rule travels in the model folder as {@value AbstentionRule#FILE}, written by
 * the Variant Classifier node and by {@code bertgeo train}; for a model without one, or without a classifier head,
 * the cell is missing. The prediction column keeps the most probable class so that comparisons with a label
 * column stay possible.
 *
 * @param rule the model's rule, or null when it has none
 */
record AbstentionColumn(AbstentionRule rule) {

    /** The column's name. */
    static final String NAME = "abstention";

    /** The cell of an accepted prediction. */
    static final String ASSIGNED = "assigned";

    static DataColumnSpec spec() {
        return new DataColumnSpecCreator(NAME, StringCell.TYPE).createSpec();
    }

    /** The rule stored in {@code modelFolder}, or a column of missing cells when there is none. */
    static AbstentionColumn of(final Path modelFolder, final int classes) throws IOException {
        if (!Files.isRegularFile(modelFolder.resolve(AbstentionRule.FILE))) {
            return new AbstentionColumn(null);
        }
        AbstentionRule rule = AbstentionRule.load(modelFolder);
        if (rule.scorer().means().length != classes) {
            throw new IOException("The model's " + AbstentionRule.FILE + " describes " + rule.scorer().means().length
                + " classes, the model " + classes + "; re-execute the node that trained the model.");
        }
        return new AbstentionColumn(rule);
    }

    /**
     * The cell for one sequence.
     *
     * @param probabilities class probabilities, or null without a classifier head
     * @param feature the pooled [CLS] vector the rule's distance reads (the last layer's [CLS] without a pooler)
     * @param text the sequence
     */
    DataCell cell(final double[] probabilities, final float[] feature, final String text) {
        if (rule == null || probabilities == null) {
            return DataType.getMissingCell();
        }
        double[] f = new double[feature.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = feature[i];
        }
        Set<AbstentionReason> reasons = rule.reasons(probabilities, f, text);
        return new StringCell(reasons.isEmpty() ? ASSIGNED
            : AbstentionRule.UNASSIGNED + ": " + AbstentionRule.describe(reasons));
    }
}
