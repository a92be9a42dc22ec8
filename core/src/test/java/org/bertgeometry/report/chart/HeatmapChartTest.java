package org.bertgeometry.report.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class HeatmapChartTest {

    /** Sample pictures land here so a person can look at them after the build. */
    static final Path SAMPLES = Path.of("target", "report-samples");

    @Test
    void testsRunHeadless() {
        assertTrue(GraphicsEnvironment.isHeadless(), "Surefire must set java.awt.headless=true");
    }

    @Test
    void maximumCellHasTheTopColourAndMinimumCellTheBottomColour() {
        // 3 x 4 matrix, max 9 at (2, 1), min -3 at (0, 3); all other values strictly between.
        double[][] m = {{1, 2, 3, -3}, {4, 5, 6, 7}, {8, 9, 0.5, 2}};
        HeatmapChart.Options o = HeatmapChart.Options.defaults().withTitle("t").withColourBarLabel("value");
        BufferedImage img = HeatmapChart.render(m, o);
        HeatmapChart.Geometry g = HeatmapChart.geometry(m, o);
        int top = ColorScale.perceptual().top().getRGB() & 0xFFFFFF;
        int bottom = ColorScale.perceptual().bottom().getRGB() & 0xFFFFFF;
        // every pixel of the max cell and the min cell, not just one
        for (int dy = 0; dy < g.cellHeight(); dy++) {
            for (int dx = 0; dx < g.cellWidth(); dx++) {
                assertEquals(top, img.getRGB(g.left() + 1 * g.cellWidth() + dx, g.top() + 2 * g.cellHeight() + dy) & 0xFFFFFF);
                assertEquals(bottom, img.getRGB(g.left() + 3 * g.cellWidth() + dx, g.top() + dy) & 0xFFFFFF);
            }
        }
        // a middle value is neither end colour
        int mid = img.getRGB(g.left() + g.cellWidth() / 2, g.top() + g.cellHeight() + g.cellHeight() / 2) & 0xFFFFFF;
        assertTrue(mid != top && mid != bottom);
        assertEquals(g.width(), img.getWidth());
        assertEquals(g.height(), img.getHeight());
    }

    @Test
    void fixedRangeClampsValuesOutsideIt() {
        double[][] m = {{-5, 0.5, 5}};
        HeatmapChart.Options o = HeatmapChart.Options.defaults().withRange(0.0, 1.0);
        BufferedImage img = HeatmapChart.render(m, o);
        HeatmapChart.Geometry g = HeatmapChart.geometry(m, o);
        assertEquals(ColorScale.perceptual().bottom().getRGB(), img.getRGB(g.left() + 2, g.top() + 2));
        assertEquals(ColorScale.perceptual().top().getRGB(), img.getRGB(g.left() + 2 * g.cellWidth() + 2, g.top() + 2));
    }

    @Test
    void a512MapIsDrawnAtOnePixelPerCellAndLargerMapsArePooled() {
        HeatmapChart.Geometry g512 = HeatmapChart.geometry(new double[512][512], HeatmapChart.Options.defaults());
        assertEquals(1, g512.cellWidth());
        assertEquals(1, g512.poolRows());
        HeatmapChart.Geometry g1000 = HeatmapChart.geometry(new double[1000][300], HeatmapChart.Options.defaults());
        assertEquals(2, g1000.poolRows(), "ceil(1000 / 512) = 2");
        assertEquals(1, g1000.poolCols());
    }

    @Test
    void maxPoolingKeepsPeaksAndMeanPoolingAveragesIgnoringNaN() {
        double[][] m = {{1, 2, 3}, {4, Double.NaN, 6}, {7, 8, 9}};
        // 2 x 2 blocks: {1,2,4,NaN} {3,6} {7,8} {9}
        double[][] max = HeatmapChart.pool(m, 2, 2, HeatmapChart.Pooling.MAX);
        assertArrayEquals(new double[] {4, 6}, max[0]);
        assertArrayEquals(new double[] {8, 9}, max[1]);
        double[][] mean = HeatmapChart.pool(m, 2, 2, HeatmapChart.Pooling.MEAN);
        assertArrayEquals(new double[] {7.0 / 3, 4.5}, mean[0], 1e-12); // (1+2+4)/3, (3+6)/2
        assertArrayEquals(new double[] {7.5, 9}, mean[1], 1e-12);
    }

    @Test
    void pooledMapStillShowsTheGlobalMaximumInTheTopColour() {
        double[][] m = new double[600][600];
        m[333][444] = 1.0; // single peak; max pooling by 2 must keep it
        HeatmapChart.Options o = HeatmapChart.Options.defaults();
        BufferedImage img = HeatmapChart.render(m, o);
        HeatmapChart.Geometry g = HeatmapChart.geometry(m, o);
        assertEquals(2, g.poolRows());
        int x = g.left() + (444 / 2) * g.cellWidth();
        int y = g.top() + (333 / 2) * g.cellHeight();
        assertEquals(ColorScale.perceptual().top().getRGB(), img.getRGB(x, y));
    }

    @Test
    void nanCellsAreGrey() {
        double[][] m = {{0, Double.NaN}, {1, 2}};
        HeatmapChart.Options o = HeatmapChart.Options.defaults();
        BufferedImage img = HeatmapChart.render(m, o);
        HeatmapChart.Geometry g = HeatmapChart.geometry(m, o);
        assertEquals(Canvas.MISSING.getRGB(), img.getRGB(g.left() + g.cellWidth() + 3, g.top() + 3));
    }

    @Test
    void badInputIsRejectedWithAMessage() {
        HeatmapChart.Options o = HeatmapChart.Options.defaults();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HeatmapChart.render(new double[][] {{1, 2}, {3}}, o))
                .getMessage().contains("row 1 has 1 values"));
        assertThrows(IllegalArgumentException.class,
                () -> HeatmapChart.render(new double[][] {{1, 2}}, o.withLabels(List.of("a", "b"), null, 1)));
        assertThrows(IllegalArgumentException.class,
                () -> HeatmapChart.render(new double[][] {{1, Double.POSITIVE_INFINITY}}, o));
        assertThrows(IllegalArgumentException.class, () -> HeatmapChart.render(new float[5], 2, 3, o));
    }

    @Test
    void flatFloatInputIsReadRowMajor() {
        float[] data = {0, 1, 2, 3, 4, 5}; // 2 x 3; max 5 at (1, 2)
        HeatmapChart.Options o = HeatmapChart.Options.defaults();
        BufferedImage img = HeatmapChart.render(data, 2, 3, o);
        HeatmapChart.Geometry g = HeatmapChart.geometry(new double[2][3], o.withRange(0.0, 5.0));
        assertEquals(ColorScale.perceptual().top().getRGB(),
                img.getRGB(g.left() + 2 * g.cellWidth() + 1, g.top() + g.cellHeight() + 1));
    }

    @Test
    void labelledAttentionMapWritesAPngThatDecodesToTheRenderedSizeAndIsByteIdenticalTwice() throws IOException {
        int n = 128;
        List<String> labels = ChartSamples.positions(n);
        HeatmapChart.Options o = HeatmapChart.Options.defaults()
                .withTitle("Layer 3, head 7: class-mean attention (Delta)")
                .withAxes("key token (spike positions)", "query token (spike positions)")
                .withLabels(labels, labels, 1).withColourBarLabel("attention");
        double[][] m = ChartSamples.attention(n);
        Path file = SAMPLES.resolve("heatmap.png");
        HeatmapChart.write(m, o, file);
        BufferedImage back = ImageIO.read(file.toFile());
        HeatmapChart.Geometry g = HeatmapChart.geometry(m, o);
        assertEquals(g.width(), back.getWidth());
        assertEquals(g.height(), back.getHeight());
        assertArrayEquals(Files.readAllBytes(file), Png.encode(HeatmapChart.render(m, o)));
        HeatmapChart.write(ChartSamples.attention(512), HeatmapChart.Options.defaults().withTitle("512 x 512"),
                SAMPLES.resolve("heatmap-512.png"));
    }
}
