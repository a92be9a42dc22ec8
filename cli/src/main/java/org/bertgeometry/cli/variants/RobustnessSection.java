package org.bertgeometry.cli.variants;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bertgeometry.report.chart.LineChart;
import org.bertgeometry.report.html.HtmlReport;
import org.bertgeometry.report.table.CsvWriter;
import org.bertgeometry.report.table.Table;

/**
 * The report's robustness curves: accuracy and macro F1 of the trained model against one artefact at a
 * time (number of N runs in the spike, their length, private substitutions per spike, share of lineage
 * mutations present), each point from its own simulated evaluation set with every other artefact off
 * (docs/case-study.md, "Robustness"). One CSV ({@code data/robustness-<curve>.csv}) and one figure per
 * curve.
 *
 * @param curves the measured curves, in the order they are shown
 */
record RobustnessSection(List<Curve> curves) {

    /** One point of a curve: the artefact's value and the scores of its evaluation set. */
    record Point(double value, int sequences, double accuracy, double macroF1) {
    }

    /**
     * One curve.
     *
     * @param file      file stem, e.g. "n-runs-count"
     * @param parameter what the x axis holds, e.g. "N runs per spike"
     * @param setup     one sentence: how each point's set was simulated
     */
    record Curve(String file, String parameter, String setup, List<Point> points) {
        Curve {
            points = List.copyOf(points);
        }
    }

    RobustnessSection {
        curves = List.copyOf(curves);
    }

    /** Writes {@code data/robustness-<file>.csv} and {@code figures/robustness-<file>.png} for every curve. */
    void write(Path data, Path figures) throws IOException {
        for (Curve c : curves) {
            Table t = Table.withColumns("value", "sequences", "accuracy", "macro_f1");
            double[] x = new double[c.points().size()];
            double[] acc = new double[x.length];
            double[] f1 = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                Point p = c.points().get(i);
                t.addRow(p.value(), p.sequences(), p.accuracy(), p.macroF1());
                x[i] = p.value();
                acc[i] = p.accuracy();
                f1[i] = p.macroF1();
            }
            CsvWriter.write(t, data.resolve("robustness-" + c.file() + ".csv"));
            LineChart.write(List.of(new LineChart.Series("accuracy", x, acc), new LineChart.Series("macro F1", x, f1)),
                    LineChart.Options.defaults().withTitle("Accuracy against " + c.parameter())
                            .withAxes(c.parameter(), "score").withYRange(0.0, 1.0),
                    figures.resolve("robustness-" + c.file() + ".png"));
        }
    }

    /** The section of the page. */
    void addTo(HtmlReport page) {
        page.section("Robustness");
        page.paragraph("Each curve varies one artefact of real sequences and keeps every other artefact off; each "
                + "point is its own simulated set of spikes, from seeds never used in training.");
        for (Curve c : curves) {
            page.figure("figures/robustness-" + c.file() + ".png", "Accuracy and macro F1 against " + c.parameter()
                    + ". " + c.setup() + " Numbers: data/robustness-" + c.file() + ".csv.");
        }
    }

    /** The CSV file names, for the file list. */
    List<String> files() {
        List<String> out = new ArrayList<>();
        for (Curve c : curves) {
            out.add("data/robustness-" + c.file() + ".csv");
        }
        return out;
    }
}
