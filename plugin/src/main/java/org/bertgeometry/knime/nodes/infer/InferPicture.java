package org.bertgeometry.knime.nodes.infer;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bertgeometry.knime.picture.HeadSelection;
import org.bertgeometry.knime.picture.PictureSheet;
import org.bertgeometry.knime.port.AttentionCapturePortObject;
import org.bertgeometry.report.chart.HeatmapChart;
import org.bertgeometry.tokenize.Vocabulary;

/**
 * Infer's picture, on request: the attention maps of the first stored samples for the chosen heads, one row per
 * sample, with the sample's tokens as ticks (query rows, key columns), max-pooled to the pixel budget.
 */
final class InferPicture {

    private InferPicture() {
    }

    static BufferedImage draw(final List<AttentionCapturePortObject.StoredSample> stored,
        final List<HeadSelection.Head> heads, final Vocabulary vocabulary, final InferPictureSettings settings) {
        List<BufferedImage> charts = new ArrayList<>();
        for (AttentionCapturePortObject.StoredSample s : stored.subList(0, Math.min(settings.samples(), stored.size()))) {
            for (HeadSelection.Head h : heads) {
                float[][] map = s.maps()[h.layer()][h.head()];
                List<String> ticks = new ArrayList<>();
                for (int i = 0; i < map.length; i++) {
                    ticks.add(i < s.tokenIds().length ? vocabulary.token(s.tokenIds()[i]) : Integer.toString(i));
                }
                double[][] values = new double[map.length][];
                for (int i = 0; i < map.length; i++) {
                    values[i] = new double[map[i].length];
                    for (int j = 0; j < map[i].length; j++) {
                        values[i][j] = map[i][j];
                    }
                }
                charts.add(HeatmapChart.render(values, settings.look().heatmap()
                    .withTitle(String.format(Locale.ROOT, "row %s, layer %d head %d", s.rowKey(), h.layer(), h.head()))
                    .withAxes("key token", "query token").withLabels(ticks, ticks, 1).withRange(0.0, 1.0)
                    .withColourBarLabel("attention")));
            }
        }
        if (charts.isEmpty()) {
            return PictureSheet.note(settings.samples() == 0
                ? "No heatmaps requested: set 'Samples to draw' in the dialog's picture settings."
                : "No sample's attention maps were stored (maximum stored samples is 0).");
        }
        return PictureSheet.of(charts, heads.size());
    }
}
