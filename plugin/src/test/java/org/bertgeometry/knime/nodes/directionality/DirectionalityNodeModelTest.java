package org.bertgeometry.knime.nodes.directionality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bertgeometry.knime.port.BertModelPortObject;
import org.bertgeometry.knime.port.BertModelPortObjectSpec;
import org.bertgeometry.knime.testing.ModelFolders;
import org.bertgeometry.model.BertConfig;
import java.awt.image.BufferedImage;
import org.bertgeometry.knime.picture.PictureSettings;
import org.bertgeometry.knime.picture.PictureSheet;
import org.bertgeometry.knime.workflows.PictureSizes;
import org.bertgeometry.knime.testing.Pictures;
import org.bertgeometry.report.chart.ColorScale;
import org.bertgeometry.report.chart.HeatmapChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.bertgeometry.knime.testing.ShimFileStores;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.bertgeometry.knime.testing.ShimExecution;
import org.bertgeometry.knime.testing.ShimNodeRunner;

class DirectionalityNodeModelTest {

    @TempDir
    Path tmp;

    private BertModelPortObject model(final boolean tied) throws Exception {
        BertConfig c = ModelFolders.tinyConfig();
        Path folder = ModelFolders.writeRandomModel(tmp.resolve("m"), c, 7, tied);
        return new BertModelPortObject(new BertModelPortObjectSpec("m", c, "vocab.txt"),
            ShimFileStores.newFileStore(folder.toFile()));
    }

    private static List<DataRow> rows(final BufferedDataTable t) {
        List<DataRow> out = new ArrayList<>();
        t.forEach(out::add);
        return out;
    }

    @Test
    void tiedQueryAndKeyWeightsGiveSymmetricFormsWithZeroAngles() throws Exception {
        // With W_K = W_Q, M = W_Q^T W_Q is symmetric: ||K|| = 0, delta = 0, and the query and key subspaces
        // coincide, so every principal angle is 0. Tolerance 1e-6 covers float weights in double arithmetic.
        DirectionalityNodeModel m = new DirectionalityNodeFactory().createNodeModel();
        ExecutionContext exec = ShimExecution.createContext(tmp.resolve("fs"));
        BufferedDataTable t = (BufferedDataTable)ShimNodeRunner.execute(m, exec, model(true))[0];
        assertEquals(DirectionalityNodeModel.outputSpec(), t.getDataTableSpec());
        List<DataRow> rows = rows(t);
        assertEquals(2 * 2, rows.size(), "2 layers x 2 heads");
        DataTableSpec s = t.getDataTableSpec();
        for (DataRow r : rows) {
            assertEquals(0.0, ((DoubleValue)r.getCell(s.findColumnIndex("norm_skew"))).getDoubleValue(), 1e-6);
            assertEquals(0.0, ((DoubleValue)r.getCell(s.findColumnIndex("delta"))).getDoubleValue(), 1e-6);
            assertEquals(0.0,
                ((DoubleValue)r.getCell(s.findColumnIndex("max_principal_angle_deg"))).getDoubleValue(), 1e-3);
        }
        assertEquals(1, ((IntValue)rows.get(3).getCell(0)).getIntValue(), "layer-major order");
        assertEquals(1, ((IntValue)rows.get(3).getCell(1)).getIntValue());
    }

    @Test
    void thePictureIsADeltaHeatmapOnTheFixedRangeZeroToOne() throws Exception {
        ExecutionContext exec = ShimExecution.createContext(tmp.resolve("fs"));
        // tied weights: delta = 0 for every head, so every cell has the bottom colour of the scale
        BufferedImage tied = Pictures.decode(ShimNodeRunner.execute(new DirectionalityNodeFactory().createNodeModel(),
            exec, model(true))[1]);
        HeatmapChart.Geometry g = HeatmapChart.geometry(new double[2][2], HeatmapChart.Options.defaults()
            .withLabels(List.of("0", "1"), List.of("0", "1"), 1).withTitle(DirectionalityPicture.TITLE).withAxes("head", "layer")
            .withColourBarLabel("delta"));
        assertEquals(g.width(), tied.getWidth(), "2 x 2 heads at the default cell size");
        assertEquals(g.height(), tied.getHeight());
        int bottom = ColorScale.perceptual().rgbAt(0) & 0xFFFFFF;
        for (int l = 0; l < 2; l++) {
            for (int h = 0; h < 2; h++) {
                int x = g.left() + h * g.cellWidth() + g.cellWidth() / 2;
                int y = g.top() + l * g.cellHeight() + g.cellHeight() / 2;
                assertEquals(bottom, tied.getRGB(x, y) & 0xFFFFFF, "delta 0 at layer " + l + " head " + h);
            }
        }
        // random untied weights: deltas differ between heads, so the map area is not uniform
        DirectionalityNodeModel untied = new DirectionalityNodeFactory().createNodeModel();
        untied.settings().picture().scaleModel().setStringValue(PictureSettings.scaleLabels()[1]);
        BufferedImage random = Pictures.decode(ShimNodeRunner.execute(untied, exec, model(false))[1]);
        assertTrue(Pictures.colours(random, g.left(), g.top(), 2 * g.cellWidth(), 2 * g.cellHeight()) > 1,
            "different deltas, different colours");
        int whiteToBlueBottom = ColorScale.whiteToBlue().rgbAt(0) & 0xFFFFFF;
        assertTrue(Pictures.colours(random) > 2, "title, axes and map");
        assertTrue(whiteToBlueBottom != bottom, "the chosen scale differs from the default");
    }

    @Test
    void thePictureHasOneRowPerLayerAndOneColumnPerHeadEachCellColouredByItsDelta() throws Exception {
        // 4 layers x 12 heads: the plot (160 x 480 pixels at 40 per cell) is higher than the colour bar and wider
        // than the title, so the picture's size follows from the shape alone (the test workflows' 1 x 2 models
        // cannot tell a transposed or truncated map by size; this test checks the shape for them)
        BertConfig c = new BertConfig(12, 24, 4, 12, 16, ModelFolders.tinyConfig().hiddenAct(), 32, 2, 1e-12,
            0.0, 0.0, List.of("neg", "pos"));
        Path folder = ModelFolders.writeRandomModel(tmp.resolve("m412"), c, 11, false);
        BertModelPortObject model = new BertModelPortObject(new BertModelPortObjectSpec("m412", c, "vocab.txt"),
            ShimFileStores.newFileStore(folder.toFile()));
        PortObject[] out = ShimNodeRunner.execute(new DirectionalityNodeFactory().createNodeModel(),
            ShimExecution.createContext(tmp.resolve("fs")), model);
        BufferedImage picture = Pictures.decode(out[1]);
        PictureSizes.Size expected = PictureSizes.of("directionality(layers=4; heads=12; pixels=512)");
        assertEquals(expected, new PictureSizes.Size(picture.getWidth(), picture.getHeight()));

        // each cell (layer l, head h) has the colour of that row's delta on the fixed range [0, 1]
        BufferedDataTable table = (BufferedDataTable)out[0];
        int layerColumn = table.getDataTableSpec().findColumnIndex("layer");
        int headColumn = table.getDataTableSpec().findColumnIndex("head");
        int deltaColumn = table.getDataTableSpec().findColumnIndex("delta");
        HeatmapChart.Geometry g = HeatmapChart.geometry(new double[4][12], HeatmapChart.Options.defaults()
            .withLabels(PictureSheet.indices(4), PictureSheet.indices(12), 1).withTitle(DirectionalityPicture.TITLE)
            .withAxes("head", "layer").withRange(0.0, 1.0).withColourBarLabel("delta"));
        List<DataRow> rows = rows(table);
        assertEquals(4 * 12, rows.size());
        for (DataRow r : rows) {
            int l = ((IntValue)r.getCell(layerColumn)).getIntValue();
            int h = ((IntValue)r.getCell(headColumn)).getIntValue();
            double delta = ((DoubleValue)r.getCell(deltaColumn)).getDoubleValue();
            int x = g.left() + h * g.cellWidth() + g.cellWidth() / 2;
            int y = g.top() + l * g.cellHeight() + g.cellHeight() / 2;
            assertEquals(ColorScale.perceptual().rgbAt(delta) & 0xFFFFFF, picture.getRGB(x, y) & 0xFFFFFF,
                "layer " + l + " head " + h + ", delta " + delta);
        }
    }

    @Test
    void settingsSavedBeforePicturesExistedLoadWithPictureDefaults() throws Exception {
        NodeSettings old = new NodeSettings("model");
        old.addString(DirectionalitySettings.CFG_CONVENTION, "HF_EXACT");
        old.addInt(DirectionalitySettings.CFG_RANK, 3);
        DirectionalityNodeModel m = new DirectionalityNodeFactory().createNodeModel();
        ShimNodeRunner.loadSettings(m, old);
        assertEquals(3, m.settings().rank());
        assertEquals(512, m.settings().picture().pixelBudgetModel().getIntValue(), "default heatmap size");
        assertEquals(PictureSettings.scaleLabels()[0], m.settings().picture().scaleModel().getStringValue());
    }

    @Test
    void independentRandomWeightsAreDirectional() throws Exception {
        BufferedDataTable t = (BufferedDataTable)ShimNodeRunner.execute(new DirectionalityNodeFactory()
            .createNodeModel(), ShimExecution.createContext(tmp.resolve("fs")), model(false))[0];
        int delta = t.getDataTableSpec().findColumnIndex("delta");
        for (DataRow r : rows(t)) {
            assertTrue(((DoubleValue)r.getCell(delta)).getDoubleValue() > 0.1,
                "independent random Q and K should have a sizeable skew part: " + r);
        }
    }

    @Test
    void rankAboveHeadDimensionIsRejectedInConfigure() {
        DirectionalityNodeModel m = new DirectionalityNodeFactory().createNodeModel();
        m.settings().setRank(5); // tiny config: hidden 8 / 2 heads = head dimension 4
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> ShimNodeRunner
            .configure(m, new BertModelPortObjectSpec("m", ModelFolders.tinyConfig(), "vocab.txt")));
        assertTrue(e.getMessage().contains("head dimension 4"), e.getMessage());
    }

    @Test
    void unknownConventionIsRejectedWhenLoadingSettings() {
        DirectionalityNodeModel m = new DirectionalityNodeFactory().createNodeModel();
        NodeSettings s = ShimNodeRunner.saveSettings(m);
        s.addString(DirectionalitySettings.CFG_CONVENTION, "SIDEWAYS");
        InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> ShimNodeRunner.loadSettings(m, s));
        assertTrue(e.getMessage().contains("HF_EXACT"), e.getMessage());
    }

    @Test
    void settingsRoundTrip() throws Exception {
        DirectionalityNodeModel m = new DirectionalityNodeFactory().createNodeModel();
        m.settings().setRank(3);
        m.settings().setConvention("CODE_COMPAT");
        DirectionalityNodeModel other = new DirectionalityNodeFactory().createNodeModel();
        ShimNodeRunner.loadSettings(other, ShimNodeRunner.saveSettings(m));
        assertEquals(3, other.settings().rank());
        assertEquals("CODE_COMPAT", other.settings().conventionModel().getStringValue());
    }

    @Test
    void cancelStopsBetweenHeadsWithoutOutput() throws Exception {
        ExecutionContext exec = ShimExecution.createContext(tmp.resolve("fs"));
        ShimExecution.cancelAfterProgressReports(exec, 1);
        assertThrows(CanceledExecutionException.class, () -> ShimNodeRunner
            .execute(new DirectionalityNodeFactory().createNodeModel(), exec, model(false)));
        assertFalse(ShimExecution.progress(exec).isEmpty());
    }
}
