package org.bertgeometry.knime.nodes.pattern;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bertgeometry.geometry.GateClassifier;
import org.bertgeometry.geometry.GateLabel;
import org.bertgeometry.knime.picture.HeadSelection;
import org.bertgeometry.knime.picture.PictureSheet;
import org.bertgeometry.knime.port.AttentionCapturePortObject;
import org.bertgeometry.report.chart.CategoricalGrid;
import org.bertgeometry.report.chart.HeatmapChart;

/**
 * The Attention Pattern Classifier picture, as in the case-study report: for each class with captured samples one
 * row holding the gate grid (the pattern of every layer and head, from the class-mean maps) followed by the
 * class-mean heatmaps of the chosen heads, cropped as the classifier crops them and max-pooled to the pixel budget;
 * a head whose class-mean map is missing keeps its column, empty, so every row and column means one thing.
 */
final class PatternPicture {

    /** Grid cells of heads whose map was too small to classify. */
    static final String NONE = "none";

    private PatternPicture() {
    }

    static BufferedImage draw(final AttentionCapturePortObject capture,
        final GateClassifier.Classification[][][] perClass, final List<HeadSelection.Head> heads,
        final PatternPictureSettings settings) throws IOException {
        List<String> classes = capture.contents().classNames();
        List<List<BufferedImage>> rows = new ArrayList<>();
        int layers = capture.getSpec().layers();
        int headCount = capture.getSpec().heads();
        for (int c = 0; c < classes.size(); c++) {
            if (capture.contents().classCounts()[c] == 0) {
                continue;
            }
            // one row per class, each chosen head in its own column: a missing map leaves its cell empty rather
            // than moving the next chart (or the next class's grid) into its place
            List<BufferedImage> row = new ArrayList<>();
            row.add(grid(perClass[c], classes.get(c), layers, headCount, settings));
            for (HeadSelection.Head h : heads) {
                Optional<double[][]> mean = capture.classMean(c, h.layer(), h.head());
                row.add(mean.isEmpty() ? null : heatmap(PatternClassifierNodeModel.crop(mean.get()), classes.get(c),
                    h, perClass[c][h.layer()][h.head()], settings));
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            return PictureSheet.note("No class-mean maps to draw: the capture has no labelled samples (give Infer a"
                + " label column).");
        }
        return PictureSheet.ofRows(rows);
    }

    private static BufferedImage grid(final GateClassifier.Classification[][] gates, final String className,
        final int layers, final int heads, final PatternPictureSettings settings) {
        String[][] labels = new String[layers][heads];
        boolean anyNone = false;
        for (int l = 0; l < layers; l++) {
            for (int h = 0; h < heads; h++) {
                labels[l][h] = gates[l][h] == null ? NONE : gates[l][h].label().csvName();
                anyNone |= gates[l][h] == null;
            }
        }
        List<String> categories = new ArrayList<>();
        for (GateLabel g : GateLabel.values()) {
            categories.add(g.csvName());
        }
        if (anyNone) {
            categories.add(NONE);
        }
        return CategoricalGrid.render(labels, settings.look().grid().withTitle("Gate of each head, class " + className)
            .withNames(PictureSheet.indices(layers), PictureSheet.indices(heads)).withCategories(categories));
    }

    private static BufferedImage heatmap(final double[][] map, final String className,
        final HeadSelection.Head head, final GateClassifier.Classification gate,
        final PatternPictureSettings settings) {
        List<String> ticks = settings.ticks().ticks(map.length);
        String title = String.format(Locale.ROOT, "%s, layer %d head %d%s", className, head.layer(), head.head(),
            gate == null ? "" : ": " + gate.label().csvName());
        return HeatmapChart.render(map, settings.look().heatmap().withTitle(title)
            .withAxes(settings.ticks().axis("key"), settings.ticks().axis("query")).withLabels(ticks, ticks, 1)
            .withColourBarLabel("mean attention"));
    }
}
