package org.bertgeometry.knime.picture;

import org.bertgeometry.knime.nodes.DeclaredSettings;
import org.bertgeometry.report.chart.BarChart;
import org.bertgeometry.report.chart.CategoricalGrid;
import org.bertgeometry.report.chart.ColorScale;
import org.bertgeometry.report.chart.ConfusionMatrixChart;
import org.bertgeometry.report.chart.HeatmapChart;
import org.bertgeometry.report.chart.LineChart;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * How a node's picture output looks, shared by every node with a picture port: the most pixels per side of a
 * heatmap (default 512, 16 to 4096; larger maps are max-pooled as in the report), the colour scale of heatmaps and
 * confusion matrices (default dark violet to yellow), the size of line and bar charts (default 800 x 480 pixels) and the
 * cell size of layer-by-head grids (default 40 pixels, 12 to 120). Workflows saved before pictures existed have
 * none of these keys; they load with the defaults, so the keys are read only where present.
 */
public final class PictureSettings extends DeclaredSettings {
    static final String CFG_SCALE = "picture_colour_scale";

    private final SettingsModelIntegerBounded m_pixelBudget =
        addedLater().bounded("picture_heatmap_pixels", 512, 16, 4096);
    private final SettingsModelString m_scale = addedLater().string(CFG_SCALE, ColourScaleChoice.PERCEPTUAL.label());
    private final SettingsModelIntegerBounded m_width = addedLater().bounded("picture_chart_width", 800, 200, 4000);
    private final SettingsModelIntegerBounded m_height = addedLater().bounded("picture_chart_height", 480, 150, 3000);
    private final SettingsModelIntegerBounded m_cell = addedLater().bounded("picture_grid_cell", 40, 12, 120);

    public SettingsModelIntegerBounded pixelBudgetModel() {
        return m_pixelBudget;
    }

    public SettingsModelString scaleModel() {
        return m_scale;
    }

    public SettingsModelIntegerBounded widthModel() {
        return m_width;
    }

    public SettingsModelIntegerBounded heightModel() {
        return m_height;
    }

    public SettingsModelIntegerBounded cellModel() {
        return m_cell;
    }

    /** The labels of the colour scales, as the dialog lists them. */
    public static String[] scaleLabels() {
        return ColourScaleChoice.labels();
    }

    private ColorScale scale() {
        ColourScaleChoice c = ColourScaleChoice.ofLabel(m_scale.getStringValue());
        return (c == null ? ColourScaleChoice.PERCEPTUAL : c).scale();
    }

    /** Heatmap options with this pixel budget (max pooling) and colour scale. */
    public HeatmapChart.Options heatmap() {
        return HeatmapChart.Options.defaults().withPixelBudget(m_pixelBudget.getIntValue(), HeatmapChart.Pooling.MAX)
            .withScale(scale());
    }

    /** Line chart options of this size. */
    public LineChart.Options line() {
        return LineChart.Options.defaults().withSize(m_width.getIntValue(), m_height.getIntValue());
    }

    /** Bar chart options of the chart size. */
    public BarChart.Options bar() {
        return BarChart.Options.defaults().withSize(m_width.getIntValue(), m_height.getIntValue());
    }

    /** Grid options with this cell size. */
    public CategoricalGrid.Options grid() {
        return CategoricalGrid.Options.defaults().withCellSize(m_cell.getIntValue());
    }

    /** Confusion matrix options with this colour scale (cell size chosen from the class count). */
    public ConfusionMatrixChart.Options confusion() {
        return ConfusionMatrixChart.Options.defaults().withScale(scale());
    }

    @Override
    protected void checkStored(final NodeSettingsRO settings) throws InvalidSettingsException {
        if (settings.containsKey(CFG_SCALE) && ColourScaleChoice.ofLabel(settings.getString(CFG_SCALE)) == null) {
            throw new InvalidSettingsException("Unknown colour scale '" + settings.getString(CFG_SCALE)
                + "'; choose one of: " + String.join(", ", scaleLabels()) + ".");
        }
    }
}
