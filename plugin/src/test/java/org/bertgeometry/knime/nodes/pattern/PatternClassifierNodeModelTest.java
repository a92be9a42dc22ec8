package org.bertgeometry.knime.nodes.pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.bertgeometry.geometry.GateLabel;
import org.bertgeometry.knime.port.AttentionCapturePortObject;
import org.bertgeometry.knime.port.BertModelPortObject;
import org.bertgeometry.knime.port.BertModelPortObjectSpec;
import org.bertgeometry.knime.testing.ModelFolders;
import java.awt.image.BufferedImage;
import org.bertgeometry.knime.testing.Pictures;
import org.bertgeometry.knime.workflows.PictureSizes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.StringCell;
import org.bertgeometry.knime.testing.ShimFileStores;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.bertgeometry.knime.testing.ShimExecution;
import org.bertgeometry.knime.testing.ShimNodeRunner;
import org.bertgeometry.knime.testing.InferNodeSettings;

class PatternClassifierNodeModelTest {

    @TempDir
    Path tmp;

    private AttentionCapturePortObject capture(final ExecutionContext exec) throws Exception {
        Path folder = ModelFolders.writeRandomModel(tmp.resolve("m"), ModelFolders.tinyConfig(), 5, false);
        BertModelPortObject model = new BertModelPortObject(
            new BertModelPortObjectSpec("m", ModelFolders.tinyConfig(), "vocab.txt"),
            ShimFileStores.newFileStore(folder.toFile()));
        DataTableSpec spec = new DataTableSpec(new DataColumnSpecCreator("text", StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator("label", StringCell.TYPE).createSpec());
        BufferedDataContainer c = exec.createDataContainer(spec);
        String[][] rows = {{"tok5 tok6 tok7", "neg"}, {"tok8 tok9", "pos"}, {"tok10 tok11 tok5 tok6", "neg"}};
        for (int i = 0; i < rows.length; i++) {
            c.addRowToTable(new DefaultRow("r" + i, new StringCell(rows[i][0]), new StringCell(rows[i][1])));
        }
        c.close();
        NodeSettings s = InferNodeSettings.firstRelease();
        var infer = new org.bertgeometry.knime.nodes.infer.InferNodeFactory().createNodeModel();
        ShimNodeRunner.loadSettings(infer, s);
        return (AttentionCapturePortObject)ShimNodeRunner.execute(infer, exec, model, c.getTable())[1];
    }

    @Test
    void classifiesEveryClassMeanAndStoredSampleHead() throws Exception {
        ExecutionContext exec = ShimExecution.createContext(tmp.resolve("fs"));
        AttentionCapturePortObject capture = capture(exec);
        PatternClassifierNodeModel m = new PatternClassifierNodeFactory().createNodeModel();
        m.settings().samplesModel().setBooleanValue(true);
        BufferedDataTable out = (BufferedDataTable)ShimNodeRunner.execute(m, exec, capture)[0];
        List<DataRow> rows = new ArrayList<>();
        out.forEach(rows::add);
        // 2 classes x 2 layers x 2 heads class-mean rows + 2 stored samples x 2 x 2 sample rows
        assertEquals(8 + 8, rows.size());
        Set<String> allowed = Arrays.stream(GateLabel.values()).map(GateLabel::csvName).collect(Collectors.toSet());
        for (DataRow r : rows) {
            assertTrue(allowed.contains(((StringValue)r.getCell(4)).getStringValue()), r.toString());
        }
        assertEquals("class", ((StringValue)rows.get(0).getCell(0)).getStringValue());
        assertEquals("sample", ((StringValue)rows.get(8).getCell(0)).getStringValue());
    }

    @Test
    void rankOfEveryMapIsAnOptionAndOldSettingsWithoutItStillLoad() throws Exception {
        ExecutionContext exec = ShimExecution.createContext(tmp.resolve("fs"));
        AttentionCapturePortObject capture = capture(exec);
        int rankColumn = PatternClassifierNodeModel.outputSpec().findColumnIndex("rank");
        int nColumn = PatternClassifierNodeModel.outputSpec().findColumnIndex("n");

        PatternClassifierNodeModel m = new PatternClassifierNodeFactory().createNodeModel();
        NodeSettings old = new NodeSettings("model");
        old.addBoolean(PatternClassifierSettings.CFG_SAMPLES, false); // saved before the rank option existed
        ShimNodeRunner.loadSettings(m, old);
        assertEquals(false, m.settings().rankEveryMapModel().getBooleanValue());
        assertEquals("", m.settings().picture().heads().model().getStringValue(),
            "picture defaults: last layer's heads");
        assertEquals(TickLabels.POSITIONS, m.settings().picture().ticks());

        m.settings().rankEveryMapModel().setBooleanValue(true);
        BufferedDataTable out = (BufferedDataTable)ShimNodeRunner.execute(m, exec, capture)[0];
        int rows = 0;
        for (DataRow r : out) {
            assertTrue(!r.getCell(rankColumn).isMissing(), "rank computed for every map: " + r);
            double rank = ((org.knime.core.data.DoubleValue)r.getCell(rankColumn)).getDoubleValue();
            double n = ((org.knime.core.data.DoubleValue)r.getCell(nColumn)).getDoubleValue();
            assertTrue(rank >= 1 && rank <= n, r.toString());
            rows++;
        }
        assertEquals(8, rows);
    }

    @Test
    void thePictureHasOneRowPerClassWithItsGateGridAndTheChosenHeadsHeatmaps() throws Exception {
        ExecutionContext exec = ShimExecution.createContext(tmp.resolve("fs"));
        AttentionCapturePortObject capture = capture(exec);
        // default: every head of the last layer, i.e. heads 1:0 and 1:1 of the 2 x 2 tiny model
        BufferedImage both = Pictures.decode(ShimNodeRunner.execute(new PatternClassifierNodeFactory()
            .createNodeModel(), exec, capture)[1]);
        // classes neg and pos: 2 rows; grid + 2 heatmaps: 3 columns, 12 px gaps around equal cells
        assertEquals(0, (both.getWidth() - 4 * 12) % 3, "3 equal columns: " + both.getWidth());
        assertEquals(0, (both.getHeight() - 3 * 12) % 2, "2 equal rows: " + both.getHeight());
        assertTrue(Pictures.colours(both) > 10, "grids and heatmaps are not uniform");
        PatternClassifierNodeModel one = new PatternClassifierNodeFactory().createNodeModel();
        one.settings().picture().heads().model().setStringValue("0:1");
        one.settings().picture().ticksModel().setStringValue(TickLabels.AMINO_ACIDS.label());
        BufferedImage single = Pictures.decode(ShimNodeRunner.execute(one, exec, capture)[1]);
        assertEquals(0, (single.getWidth() - 3 * 12) % 2, "grid + 1 heatmap: 2 columns");
        assertEquals(0, (single.getHeight() - 3 * 12) % 2, "still one row per class");
        assertTrue(single.getWidth() < both.getWidth());
    }

    @Test
    void aClassWithoutMapsKeepsItsRowWithEmptyCellsSoTheNextClassStaysInItsOwnRow() throws Exception {
        ExecutionContext exec = ShimExecution.createContext(tmp.resolve("fs"));
        AttentionCapturePortObject capture = capture(exec);
        // keep only class 1's (pos) class-mean maps: class 0 (neg) still counts samples but has no map to draw
        int size = capture.contents().mapSize();
        double[][][][] means = new double[2][2][][];
        double[][][][] sums = new double[2][2][][];
        for (int l = 0; l < 2; l++) {
            for (int h = 0; h < 2; h++) {
                means[l][h] = capture.classMean(1, l, h).orElseThrow();
                sums[l][h] = capture.classThresholdSum(1, l, h).orElseThrow();
            }
        }
        capture.files().writeClassMeans(List.of(1), size, (c, l, h, threshold) -> (threshold ? sums : means)[l][h]);
        assertTrue(capture.classMean(0, 1, 0).isEmpty() && capture.classMean(1, 1, 0).isPresent());

        PatternClassifierNodeModel m = new PatternClassifierNodeFactory().createNodeModel();
        m.settings().picture().look().cellModel().setIntValue(110); // the gate grids are the largest charts
        BufferedImage picture = Pictures.decode(ShimNodeRunner.execute(m, exec, capture)[1]);
        // rows neg and pos, each of a grid and the 2 heads of layer 1: the size as with every map present
        assertEquals(PictureSizes.of("pattern(cell=110; layers=2; heads=2; classes=neg,pos; drawn=2)"),
            new PictureSizes.Size(picture.getWidth(), picture.getHeight()));
        int cellW = (picture.getWidth() - 4 * 12) / 3;
        int cellH = (picture.getHeight() - 3 * 12) / 2;
        boolean[][] drawn = {{true, false, false}, {true, true, true}};
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 3; c++) {
                int colours = Pictures.colours(picture, 12 + c * (cellW + 12), 12 + r * (cellH + 12), cellW, cellH);
                assertEquals(drawn[r][c], colours > 1, "row " + r + " column " + c + ": " + colours + " colours");
            }
        }
    }

    @Test
    void headsOutsideTheCaptureAreRefusedAtConfigure() throws Exception {
        ExecutionContext exec = ShimExecution.createContext(tmp.resolve("fs"));
        AttentionCapturePortObject capture = capture(exec);
        PatternClassifierNodeModel m = new PatternClassifierNodeFactory().createNodeModel();
        m.settings().picture().heads().model().setStringValue("1:0, 2:0");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> ShimNodeRunner.configure(m, capture.getSpec()));
        assertTrue(e.getMessage().contains("'2:0'") && e.getMessage().contains("layer 0 to 1"), e.getMessage());
    }

    @Test
    void cropKeepsTheBlockUpToTheLastNonZeroEntry() {
        double[][] m = {{0.5, 0.5, 0, 0}, {0.2, 0.8, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}};
        double[][] c = PatternClassifierNodeModel.crop(m);
        assertEquals(2, c.length);
        assertArrayEquals(new double[]{0.2, 0.8}, c[1]);
    }

    @Test
    void configureNeedsACapture() {
        assertThrows(InvalidSettingsException.class, () -> ShimNodeRunner.configure(
            new PatternClassifierNodeFactory().createNodeModel(), new DataTableSpec()));
    }
}
