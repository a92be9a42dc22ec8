package org.bertgeometry.cli.variants;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bertgeometry.cli.io.Stdio;
import org.bertgeometry.report.table.CsvWriter;
import org.bertgeometry.report.table.Table;
import org.bertgeometry.variants.abstention.AbstentionRule;
import org.bertgeometry.variants.evaluation.ClassMetrics;
import org.bertgeometry.variants.evaluation.ClassificationMetrics;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The files {@code train} and {@code predict} share: a predictions CSV (one row per sequence, the
 * predicted class and one probability column per class, named after the class) and the metrics JSON
 * object. Neither contains paths or times, so two runs with the same seed write identical bytes.
 */
final class PredictionOutput {

    /** The predicted-class index of a sequence answered "unassigned" ({@code AbstentionRule.UNASSIGNED}). */
    static final int UNASSIGNED = -1;

    private PredictionOutput() {
    }

    /**
     * Writes {@code id[,true],predicted,<class 1>,...,<class K>}. The {@code true} column is written
     * only when {@code trueNames} is not null; a sequence without a known class has an empty cell.
     * {@code file} may be {@code -} for the command's standard output.
     */
    static void writeCsv(Path file, CommandSpec spec, List<String> ids, List<String> trueNames, int[] predicted,
            double[][] probs, List<String> classNames) throws IOException {
        List<String> columns = new ArrayList<>();
        columns.add("id");
        if (trueNames != null) {
            columns.add("true");
        }
        columns.add("predicted");
        columns.addAll(classNames);
        Table t = Table.withColumns(columns);
        for (int i = 0; i < ids.size(); i++) {
            List<Object> row = new ArrayList<>(columns.size());
            row.add(ids.get(i));
            if (trueNames != null) {
                row.add(trueNames.get(i));
            }
            row.add(predicted[i] == UNASSIGNED ? AbstentionRule.UNASSIGNED : classNames.get(predicted[i]));
            for (double p : probs[i]) {
                row.add(p);
            }
            t.addRow(row);
        }
        try (CsvWriter w = Stdio.csv(file, spec)) {
            w.table(t);
        }
    }

    /**
     * The metrics as an ordered map for {@code JsonFiles}: accuracy, micro/macro F1, macro precision
     * and recall, per-class scores keyed by class name, and the confusion matrix (rows true class,
     * columns predicted class, in {@code classNames} order).
     */
    static Map<String, Object> metricsJson(ClassificationMetrics m, List<String> classNames) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("samples", m.total());
        o.put("accuracy", m.accuracy());
        o.put("micro_f1", m.microF1());
        o.put("macro_f1", m.macroF1());
        o.put("macro_precision", m.macroPrecision());
        o.put("macro_recall", m.macroRecall());
        Map<String, Object> per = new LinkedHashMap<>();
        for (ClassMetrics c : m.perClass()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("support", c.support());
            row.put("precision", c.precision());
            row.put("recall", c.recall());
            row.put("f1", c.f1());
            row.put("specificity", c.specificity());
            per.put(classNames.get(c.label()), row);
        }
        o.put("per_class", per);
        o.put("confusion_classes", classNames);
        o.put("confusion", m.confusion());
        return o;
    }
}
