package org.bertgeometry.report.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class OtherChartsTest {

    private static final Path SAMPLES = HeatmapChartTest.SAMPLES;

    private static List<LineChart.Series> curves() {
        double[] loss = new double[20];
        double[] acc = new double[20];
        for (int e = 0; e < 20; e++) {
            loss[e] = 1.6 * Math.exp(-e / 5.0) + 0.05;
            acc[e] = 1 - 0.8 * Math.exp(-e / 4.0);
        }
        return List.of(LineChart.Series.indexed("training loss", loss, 1),
                LineChart.Series.indexed("validation accuracy", acc, 1));
    }

    private static BufferedImage decode(Path file) throws IOException {
        BufferedImage img = ImageIO.read(file.toFile());
        assertTrue(img != null, "not a PNG: " + file);
        return img;
    }

    private static boolean contains(BufferedImage img, Color c) {
        int want = c.getRGB();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (img.getRGB(x, y) == want) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void lineChartDecodesAtTheRequestedSizeShowsEachSeriesColourAndIsDeterministic() throws IOException {
        LineChart.Options o = LineChart.Options.defaults().withTitle("Training").withAxes("epoch", "value");
        Path file = SAMPLES.resolve("line.png");
        LineChart.write(curves(), o, file);
        BufferedImage img = decode(file);
        assertEquals(800, img.getWidth());
        assertEquals(480, img.getHeight());
        assertTrue(contains(img, Palette.colour(0)));
        assertTrue(contains(img, Palette.colour(1)));
        assertArrayEquals(Files.readAllBytes(file), Png.encode(LineChart.render(curves(), o)));
    }

    @Test
    void lineChartLeavesGapsAtNaNAndRejectsMismatchedSeries() {
        double[] y = {1, Double.NaN, 3};
        LineChart.render(List.of(LineChart.Series.indexed("cone index", y, 0)), LineChart.Options.defaults());
        assertThrows(IllegalArgumentException.class, () -> new LineChart.Series("s", new double[2], new double[3]));
        assertThrows(IllegalArgumentException.class, () -> LineChart.render(List.of(), LineChart.Options.defaults()));
    }

    @Test
    void barChartWithNegativeValuesAndLongCategoryNamesRenders() throws IOException {
        List<String> cats = List.of("B.1.1.7 (Alpha)", "B.1.351 (Beta)", "P.1 (Gamma)", "B.1.617.2 (Delta)",
                "B.1.1.529 (Omicron)");
        List<BarChart.Series> s = List.of(new BarChart.Series("F1", new double[] {0.91, 0.85, 0.77, 0.95, 0.99}),
                new BarChart.Series("change", new double[] {0.1, -0.2, 0.05, Double.NaN, 0.0}));
        BarChart.Options o = BarChart.Options.defaults().withTitle("Per-class F1").withAxes("lineage", "score")
                .withValueLabels(true).withSize(640, 420);
        Path file = SAMPLES.resolve("bar.png");
        BarChart.write(cats, s, o, file);
        BufferedImage img = decode(file);
        assertEquals(640, img.getWidth());
        assertTrue(contains(img, Palette.colour(0)));
        assertThrows(IllegalArgumentException.class,
                () -> BarChart.render(cats, List.of(new BarChart.Series("x", new double[2])), o));
    }

    @Test
    void scatterPlotColoursPointsByClassInAlphabeticalLegendOrder() throws IOException {
        int n = 150;
        double[] x = new double[n];
        double[] y = new double[n];
        List<String> cls = new ArrayList<>();
        String[] names = {"Omicron", "Alpha", "Delta"};
        for (int i = 0; i < n; i++) {
            int k = i % 3;
            double a = i * 2.399963; // golden angle spiral: spread without randomness
            double r = Math.sqrt(i) * 0.15;
            x[i] = 3 * k + r * Math.cos(a);
            y[i] = (k == 1 ? 2 : -1) + r * Math.sin(a);
            cls.add(names[k]);
        }
        ScatterPlot.Options o = ScatterPlot.Options.defaults().withTitle("CLS vectors, PCA").withAxes("PC1", "PC2");
        Path file = SAMPLES.resolve("scatter.png");
        ScatterPlot.write(x, y, cls, o, file);
        BufferedImage img = decode(file);
        assertEquals(720, img.getWidth());
        // Alpha, Delta, Omicron -> palette 0, 1, 2
        assertTrue(contains(img, Palette.colour(0)) && contains(img, Palette.colour(1)) && contains(img, Palette.colour(2)));
        assertFalse(contains(img, Palette.colour(3)), "only three classes, so only three colours");
        assertThrows(IllegalArgumentException.class,
                () -> ScatterPlot.render(new double[] {Double.NaN}, new double[] {0}, List.of("a"), o));
    }

    @Test
    void categoricalGridPaintsEachCellInItsCategoryColour() throws IOException {
        String[] gates = {"diagonal", "vertical", "block", "heterogeneous", "diagonal+vertical"};
        String[][] labels = new String[6][8];
        for (int l = 0; l < 6; l++) {
            for (int h = 0; h < 8; h++) {
                labels[l][h] = gates[(l * 3 + h * 7) % gates.length];
            }
        }
        labels[5][7] = null;
        CategoricalGrid.Options o = CategoricalGrid.Options.defaults().withTitle("Gate labels per head")
                .withCategories(List.of(gates));
        Path file = SAMPLES.resolve("grid.png");
        CategoricalGrid.write(labels, o, file);
        BufferedImage img = decode(file);
        assertTrue(img.getWidth() > 8 * 40 && img.getHeight() > 6 * 40);
        for (int i = 0; i < gates.length; i++) {
            assertTrue(contains(img, Palette.colour(i)), "colour of " + gates[i]);
        }
        assertTrue(contains(img, Canvas.MISSING), "the null cell is grey");
        // codes: d, v, b, h would clash ("diagonal" vs "diagonal+vertical"), so the shortest distinct prefix is used
        assertEquals(List.of("1", "2", "3", "4", "5"), CategoricalGrid.codes(List.of(gates)),
                "'diagonal' and 'diagonal+vertical' share 4 letters, so numbers are used");
        assertEquals(List.of("d", "v", "b"), CategoricalGrid.codes(List.of("diagonal", "vertical", "block")));
        assertThrows(IllegalArgumentException.class, () -> CategoricalGrid.render(labels,
                o.withCategories(List.of("diagonal"))));
    }

    @Test
    void confusionMatrixColoursByRowFractionNotByCount() throws IOException {
        // row 0: 90 of 100 correct -> fraction 0.9; row 1: 9 of 10 correct -> also 0.9, so same colour
        long[][] counts = {{90, 10, 0}, {1, 9, 0}, {0, 0, 0}};
        ConfusionMatrixChart.Options o = ConfusionMatrixChart.Options.defaults().withTitle("Test set")
                .withCellSize(80);
        Path file = SAMPLES.resolve("confusion.png");
        ConfusionMatrixChart.write(counts, List.of("Alpha", "Delta", "Omicron"), o, file);
        BufferedImage img = decode(file);
        int c00 = colourNear(img, o, 0, 0);
        int c11 = colourNear(img, o, 1, 1);
        assertEquals(c00, c11);
        assertEquals(o.scale().rgbAt(0.9), c00 & 0xFFFFFF);
        assertEquals(Canvas.MISSING.getRGB(), colourNear(img, o, 2, 2), "an empty row is grey");
        assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrixChart.render(new long[][] {{1, -1}, {0, 0}}, List.of("a", "b"), o));
    }

    /** Colour 3 px inside the top-left corner of cell (r, c): away from the text in the centre. */
    private static int colourNear(BufferedImage img, ConfusionMatrixChart.Options o, int r, int c) {
        // the first non-white pixel 3 px below the matrix top (no text there) is its 1-px border at left - 1
        int top = o.title().isEmpty() ? 14 : 40;
        int left = 0;
        while (img.getRGB(left, top + 3) == Color.WHITE.getRGB()) {
            left++;
        }
        left++;
        return img.getRGB(left + c * o.cellSize() + 3, top + r * o.cellSize() + 3);
    }

    @Test
    void everyChartKindGivesIdenticalBytesForIdenticalInput() throws IOException {
        List<String> cls = List.of("b", "a", "b", "c");
        double[] x = {0, 1, 2, 3};
        double[] y = {1, 0, 2, 1};
        assertArrayEquals(Png.encode(ScatterPlot.render(x, y, cls, ScatterPlot.Options.defaults())),
                Png.encode(ScatterPlot.render(x.clone(), y.clone(), List.copyOf(cls), ScatterPlot.Options.defaults())));
        List<BarChart.Series> bars = List.of(new BarChart.Series("v", y));
        assertArrayEquals(Png.encode(BarChart.render(cls, bars, BarChart.Options.defaults())),
                Png.encode(BarChart.render(List.copyOf(cls), List.of(new BarChart.Series("v", y.clone())),
                        BarChart.Options.defaults())));
        String[][] grid = {{"a", "b"}, {"b", null}};
        assertArrayEquals(Png.encode(CategoricalGrid.render(grid, CategoricalGrid.Options.defaults())),
                Png.encode(CategoricalGrid.render(new String[][] {{"a", "b"}, {"b", null}},
                        CategoricalGrid.Options.defaults())));
        long[][] cm = {{3, 1}, {0, 4}};
        assertArrayEquals(Png.encode(ConfusionMatrixChart.render(cm, List.of("a", "b"), ConfusionMatrixChart.Options.defaults())),
                Png.encode(ConfusionMatrixChart.render(new long[][] {{3, 1}, {0, 4}}, List.of("a", "b"),
                        ConfusionMatrixChart.Options.defaults())));
        // and a different input gives different bytes, so the comparison can fail
        long[][] other = {{3, 1}, {1, 4}};
        assertFalse(java.util.Arrays.equals(
                Png.encode(ConfusionMatrixChart.render(cm, List.of("a", "b"), ConfusionMatrixChart.Options.defaults())),
                Png.encode(ConfusionMatrixChart.render(other, List.of("a", "b"), ConfusionMatrixChart.Options.defaults()))));
    }

    @Test
    void colourScaleEndsAreExactlyTheFirstAndLastAnchors() {
        ColorScale s = ColorScale.perceptual();
        assertEquals(s.bottom().getRGB() & 0xFFFFFF, s.rgbAt(0));
        assertEquals(s.top().getRGB() & 0xFFFFFF, s.rgbAt(1));
        assertEquals(s.top().getRGB() & 0xFFFFFF, s.rgbAt(7), "clamped above");
        // halfway between anchors 2 (30,142,138) and 3 (96,196,92) at t = 0.625: (63,169,115)
        assertEquals((63 << 16) | (169 << 8) | 115, s.rgbAt(0.625));
    }

    @Test
    void perceptualScaleGetsLighterFromBottomToTop() {
        double last = -1;
        for (int i = 0; i <= 20; i++) {
            Color c = ColorScale.perceptual().at(i / 20.0);
            double lum = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
            assertTrue(lum > last, "luminance must rise at step " + i);
            last = lum;
        }
    }
}
