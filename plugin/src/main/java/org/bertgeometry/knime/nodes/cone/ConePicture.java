package org.bertgeometry.knime.nodes.cone;

import java.awt.image.BufferedImage;
import java.util.List;

import org.bertgeometry.knime.picture.PictureSettings;
import org.bertgeometry.report.chart.BarChart;

/**
 * The Cone Index picture: the normalised cone index (cone index / n, 1 = all vectors point the same way, about
 * 1/sqrt(n) for random directions) of each group as bars, with the values written on them (docs/methods.md,
 * "Cone index"). Groups without vectors have no bar value and are drawn at 0.
 */
final class ConePicture {

    static final String TITLE = "Normalised cone index per group";

    private ConePicture() {
    }

    static BufferedImage draw(final List<String> groups, final double[] normalized, final PictureSettings settings) {
        return BarChart.render(groups, List.of(new BarChart.Series("cone index / n", normalized)),
            settings.bar().withTitle(TITLE).withAxes("group", "cone index / n").withValueLabels(true));
    }
}
