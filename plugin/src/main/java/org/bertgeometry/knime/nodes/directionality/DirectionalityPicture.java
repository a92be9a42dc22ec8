package org.bertgeometry.knime.nodes.directionality;

import java.awt.image.BufferedImage;

import org.bertgeometry.knime.picture.PictureSettings;
import org.bertgeometry.knime.picture.PictureSheet;
import org.bertgeometry.report.chart.HeatmapChart;

/**
 * The Subspace Directionality picture: the directionality index delta = |skew(M)| / |M| of every head as a
 * layer-by-head heatmap on the fixed range [0, 1] (0: symmetric, 1: skew-symmetric), as in the case-study report
 * (docs/methods.md, "Directionality").
 */
final class DirectionalityPicture {

    static final String TITLE = "Directionality index delta = |skew(M)| / |M| per head";

    private DirectionalityPicture() {
    }

    static BufferedImage draw(final double[][] delta, final PictureSettings settings) {
        int layers = delta.length;
        int heads = layers == 0 ? 0 : delta[0].length;
        return HeatmapChart.render(delta, settings.heatmap()
            .withTitle(TITLE)
            .withAxes("head", "layer").withLabels(PictureSheet.indices(layers), PictureSheet.indices(heads), 1)
            .withRange(0.0, 1.0).withColourBarLabel("delta"));
    }
}
