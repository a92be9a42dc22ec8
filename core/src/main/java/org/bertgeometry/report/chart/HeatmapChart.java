package org.bertgeometry.report.chart;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A matrix drawn as coloured cells (row 0 at the top, column 0 at the left) with a colour bar: an
 * attention map (query rows, key columns), a class-mean map, a distance matrix. Cells are painted
 * pixel by pixel, so a cell's colour is exactly the scale's colour for its value (the tests check the
 * maximum cell against the top of the scale and the minimum against the bottom). NaN cells are grey.
 *
 * <p>Size: each side of the plot gets at most {@link Options#pixelBudget()} pixels (default 512).
 * A matrix side no longer than the budget is drawn at a whole number of pixels per cell (at most 40),
 * so a 512 x 512 map is drawn at one pixel per cell. A longer side is first reduced by pooling
 * consecutive blocks of {@code ceil(n / budget)} rows (columns); {@link Pooling#MAX} (default) keeps
 * the largest value of each block so sharp attention peaks stay visible, {@link Pooling#MEAN} keeps
 * the block average. Pooling ignores NaN; a block of NaN only stays NaN. The colour range is the
 * data's min and max (before pooling) unless fixed in the options.
 *
 * <p>Tick labels: optional row and column labels (for example amino-acid positions "211-214" of the
 * k-mer tokens). Labels are written every k-th cell, where k is the larger of the requested
 * {@link Options#labelEvery()} and the smallest step at which 14-pixel-high labels do not overlap;
 * after pooling a block is labelled with the label of its first row (column). Column labels read
 * upward.
 */
public final class HeatmapChart {

    /** How blocks of cells are combined when a matrix side is longer than the pixel budget. */
    public enum Pooling { MAX, MEAN }

    /**
     * How the heatmap looks.
     *
     * @param title          text above the map (default empty)
     * @param xLabel         title of the column axis (default empty), e.g. "key token"
     * @param yLabel         title of the row axis (default empty), e.g. "query token"
     * @param rowLabels      one label per row, or null for none (default null)
     * @param colLabels      one label per column, or null for none (default null)
     * @param labelEvery     write every k-th label at least, in original rows/columns (default 1; raised
     *                       automatically so labels never overlap)
     * @param pixelBudget    most pixels per side of the map (default 512, 16 to 4096)
     * @param pooling        how larger matrices are reduced (default MAX)
     * @param scale          colours (default {@link ColorScale#perceptual()})
     * @param min            value at the bottom of the scale, or null for the data minimum (default null)
     * @param max            value at the top of the scale, or null for the data maximum (default null)
     * @param colourBarLabel text beside the colour bar (default empty)
     */
    public record Options(String title, String xLabel, String yLabel, List<String> rowLabels, List<String> colLabels,
                          int labelEvery, int pixelBudget, Pooling pooling, ColorScale scale, Double min, Double max,
                          String colourBarLabel) {
        public Options {
            title = title == null ? "" : title;
            xLabel = xLabel == null ? "" : xLabel;
            yLabel = yLabel == null ? "" : yLabel;
            colourBarLabel = colourBarLabel == null ? "" : colourBarLabel;
            rowLabels = rowLabels == null ? null : List.copyOf(rowLabels);
            colLabels = colLabels == null ? null : List.copyOf(colLabels);
            if (labelEvery < 1) {
                throw new IllegalArgumentException("labelEvery must be >= 1, got " + labelEvery);
            }
            if (pixelBudget < 16 || pixelBudget > 4096) {
                throw new IllegalArgumentException("pixelBudget must be 16 to 4096, got " + pixelBudget);
            }
            java.util.Objects.requireNonNull(pooling, "pooling");
            java.util.Objects.requireNonNull(scale, "scale");
            if (min != null && max != null && !(min < max)) {
                throw new IllegalArgumentException("min must be below max, got " + min + " and " + max);
            }
        }

        public static Options defaults() {
            return new Options("", "", "", null, null, 1, 512, Pooling.MAX, ColorScale.perceptual(), null, null, "");
        }

        public Options withTitle(String t) {
            return new Options(t, xLabel, yLabel, rowLabels, colLabels, labelEvery, pixelBudget, pooling, scale, min,
                    max, colourBarLabel);
        }

        public Options withAxes(String x, String y) {
            return new Options(title, x, y, rowLabels, colLabels, labelEvery, pixelBudget, pooling, scale, min, max,
                    colourBarLabel);
        }

        public Options withLabels(List<String> rows, List<String> cols, int every) {
            return new Options(title, xLabel, yLabel, rows, cols, every, pixelBudget, pooling, scale, min, max,
                    colourBarLabel);
        }

        public Options withPixelBudget(int budget, Pooling p) {
            return new Options(title, xLabel, yLabel, rowLabels, colLabels, labelEvery, budget, p, scale, min, max,
                    colourBarLabel);
        }

        public Options withRange(Double lo, Double hi) {
            return new Options(title, xLabel, yLabel, rowLabels, colLabels, labelEvery, pixelBudget, pooling, scale,
                    lo, hi, colourBarLabel);
        }

        public Options withScale(ColorScale s) {
            return new Options(title, xLabel, yLabel, rowLabels, colLabels, labelEvery, pixelBudget, pooling, s, min,
                    max, colourBarLabel);
        }

        public Options withColourBarLabel(String label) {
            return new Options(title, xLabel, yLabel, rowLabels, colLabels, labelEvery, pixelBudget, pooling, scale,
                    min, max, label);
        }
    }

    private static final int MAX_CELL = 40;
    private static final int LABEL_PITCH = 14;
    private static final int BAR_WIDTH = 16;

    private HeatmapChart() {
    }

    /** Draws a row-major {@code rows x cols} matrix given as a flat array (the layout of HostTensor). */
    public static BufferedImage render(float[] data, int rows, int cols, Options o) {
        if (rows < 1 || cols < 1 || (long) rows * cols != data.length) {
            throw new IllegalArgumentException("a " + rows + " x " + cols + " heatmap needs " + ((long) rows * cols)
                    + " values, got " + data.length);
        }
        double[][] m = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                m[r][c] = data[r * cols + c];
            }
        }
        return render(m, o);
    }

    /** Draws a rectangular matrix {@code matrix[row][column]} (at least 1 x 1). */
    public static BufferedImage render(double[][] matrix, Options o) {
        int rows = matrix.length;
        if (rows == 0 || matrix[0].length == 0) {
            throw new IllegalArgumentException("a heatmap needs at least one row and one column");
        }
        int cols = matrix[0].length;
        for (int r = 0; r < rows; r++) {
            if (matrix[r].length != cols) {
                throw new IllegalArgumentException("heatmap row " + r + " has " + matrix[r].length
                        + " values, row 0 has " + cols);
            }
        }
        if (o.rowLabels() != null && o.rowLabels().size() != rows) {
            throw new IllegalArgumentException(rows + " rows but " + o.rowLabels().size() + " row labels");
        }
        if (o.colLabels() != null && o.colLabels().size() != cols) {
            throw new IllegalArgumentException(cols + " columns but " + o.colLabels().size() + " column labels");
        }
        double[] range = colourRange(matrix, o);
        double vMin = range[0];
        double vMax = range[1];
        Geometry geo = geometry(rows, cols, o, vMin, vMax);
        int pr = geo.poolRows();
        int pc = geo.poolCols();
        double[][] shown = pool(matrix, pr, pc, o.pooling());
        int sr = shown.length;
        int sc = shown[0].length;
        int cellH = geo.cellHeight();
        int cellW = geo.cellWidth();
        int plotW = sc * cellW;
        int plotH = sr * cellH;
        int left = geo.left();
        int top = geo.top();
        int width = geo.width();
        int height = geo.height();
        int rowStep = labelStep(o.labelEvery(), pr, cellH);
        int colStep = labelStep(o.labelEvery(), pc, cellW);
        String sMin = Ticks.onRange(vMin, vMin, vMax);
        String sMax = Ticks.onRange(vMax, vMin, vMax);
        String sMid = Ticks.onRange((vMin + vMax) / 2, vMin, vMax);
        int colLabelW = o.colLabels() == null ? 0 : Canvas.maxWidth(Canvas.font(11), o.colLabels()) + 6;
        int barH = Math.max(plotH, 120);

        Canvas c = new Canvas(width, height);
        if (!o.title().isEmpty()) {
            c.g.setFont(Canvas.bold(15));
            c.centred(o.title(), width / 2.0, 20);
        }
        double span = vMax - vMin;
        int missing = Canvas.MISSING.getRGB() & 0xFFFFFF;
        for (int r = 0; r < sr; r++) {
            for (int col = 0; col < sc; col++) {
                double v = shown[r][col];
                int rgb = Double.isNaN(v) ? missing : o.scale().rgbAt(span > 0 ? (v - vMin) / span : 0.5);
                for (int y = 0; y < cellH; y++) {
                    for (int x = 0; x < cellW; x++) {
                        c.image.setRGB(left + col * cellW + x, top + r * cellH + y, rgb);
                    }
                }
            }
        }
        c.g.setColor(Canvas.INK);
        c.g.drawRect(left - 1, top - 1, plotW + 1, plotH + 1);
        c.g.setFont(Canvas.font(11));
        if (o.rowLabels() != null) {
            for (int r = 0; r < sr; r += rowStep) {
                c.rightAligned(o.rowLabels().get(r * pr), left - 5, top + r * cellH + cellH / 2.0);
            }
        }
        if (o.colLabels() != null) {
            for (int col = 0; col < sc; col += colStep) {
                c.upwardEndingAt(o.colLabels().get(col * pc), left + col * cellW + cellW / 2.0, top + plotH + 5);
            }
        }
        c.g.setFont(Canvas.font(13));
        if (!o.xLabel().isEmpty()) {
            c.centred(o.xLabel(), left + plotW / 2.0, top + plotH + 10 + colLabelW + 12);
        }
        if (!o.yLabel().isEmpty()) {
            c.upwardCentred(o.yLabel(), 12 + 8, top + plotH / 2.0);
        }
        drawColourBar(c, o.scale(), left + plotW + 16, top, barH, sMin, sMid, sMax, o.colourBarLabel());
        return c.finish();
    }

    /**
     * Where the cells of a heatmap land in the image: the top-left pixel of cell (0, 0) after pooling,
     * the cell size in pixels, the pooling factors and the image size. Shown cell (i, j) covers pixels
     * {@code [left + j*cellWidth, left + (j+1)*cellWidth)} by {@code [top + i*cellHeight, ...)} and
     * stands for original rows {@code [i*poolRows, (i+1)*poolRows)} and columns likewise.
     */
    public record Geometry(int left, int top, int cellWidth, int cellHeight, int poolRows, int poolCols, int width,
                           int height) {
    }

    /** The values at the bottom and top of the colour scale: the options' min/max, else the data's (NaN ignored). */
    public static double[] colourRange(double[][] matrix, Options o) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] row : matrix) {
            for (double v : row) {
                if (Double.isInfinite(v)) {
                    throw new IllegalArgumentException("heatmap values must be finite or NaN, found " + v);
                }
                if (!Double.isNaN(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        double vMin = o.min() != null ? o.min() : (lo <= hi ? lo : 0);
        double vMax = o.max() != null ? o.max() : (lo <= hi ? hi : 1);

        return new double[] {vMin, vMax};
    }

    /** The layout {@link #render(double[][], Options)} uses for this matrix. */
    public static Geometry geometry(double[][] matrix, Options o) {
        double[] range = colourRange(matrix, o);
        return geometry(matrix.length, matrix[0].length, o, range[0], range[1]);
    }

    private static Geometry geometry(int rows, int cols, Options o, double vMin, double vMax) {
        int pr = (rows + o.pixelBudget() - 1) / o.pixelBudget();
        int pc = (cols + o.pixelBudget() - 1) / o.pixelBudget();
        int sr = (rows + pr - 1) / pr;
        int sc = (cols + pc - 1) / pc;
        int cellH = Math.max(1, Math.min(MAX_CELL, o.pixelBudget() / sr));
        int cellW = Math.max(1, Math.min(MAX_CELL, o.pixelBudget() / sc));
        int plotW = sc * cellW;
        int plotH = sr * cellH;
        int barLabelW = Canvas.maxWidth(Canvas.font(11),
                List.of(Ticks.onRange(vMin, vMin, vMax), Ticks.onRange(vMax, vMin, vMax),
                        Ticks.onRange((vMin + vMax) / 2, vMin, vMax)));
        int rowLabelW = o.rowLabels() == null ? 0 : Canvas.maxWidth(Canvas.font(11), o.rowLabels()) + 6;
        int colLabelW = o.colLabels() == null ? 0 : Canvas.maxWidth(Canvas.font(11), o.colLabels()) + 6;
        int top = o.title().isEmpty() ? 14 : 40;
        int left = 12 + (o.yLabel().isEmpty() ? 0 : 22) + rowLabelW;
        int barH = Math.max(plotH, 120);
        int right = 16 + BAR_WIDTH + 6 + barLabelW + (o.colourBarLabel().isEmpty() ? 0 : 22) + 12;
        int bottom = 10 + colLabelW + (o.xLabel().isEmpty() ? 0 : 24) + 4;
        int width = Math.max(left + plotW + right, Canvas.width(Canvas.bold(15), o.title()) + 24);
        int height = top + Math.max(plotH, barH) + bottom;
        return new Geometry(left, top, cellW, cellH, pr, pc, width, height);
    }

    static void drawColourBar(Canvas c, ColorScale scale, int x, int top, int h, String sMin, String sMid, String sMax,
                              String label) {
        for (int y = 0; y < h; y++) {
            int rgb = scale.rgbAt(1.0 - (double) y / (h - 1));
            for (int dx = 0; dx < BAR_WIDTH; dx++) {
                c.image.setRGB(x + dx, top + y, rgb);
            }
        }
        c.g.setColor(Canvas.INK);
        c.g.drawRect(x - 1, top - 1, BAR_WIDTH + 1, h + 1);
        c.g.setFont(Canvas.font(11));
        int lx = x + BAR_WIDTH + 6;
        c.leftAligned(sMax, lx, top + 5);
        c.leftAligned(sMid, lx, top + h / 2.0);
        c.leftAligned(sMin, lx, top + h - 5);
        if (!label.isEmpty()) {
            int w = Canvas.maxWidth(Canvas.font(11), List.of(sMin, sMid, sMax));
            c.g.setFont(Canvas.font(12));
            c.upwardCentred(label, lx + w + 14, top + h / 2.0);
        }
        c.g.setColor(Color.BLACK);
    }

    /** Every how many shown cells a label is written: requested step (in original units) or the no-overlap step. */
    private static int labelStep(int every, int poolFactor, int cellPx) {
        int requested = Math.max(1, (every + poolFactor - 1) / poolFactor);
        int readable = Math.max(1, (LABEL_PITCH + cellPx - 1) / cellPx);
        return Math.max(requested, readable);
    }

    /** Reduces blocks of pr x pc cells to one (MAX or MEAN, ignoring NaN); pr = pc = 1 returns the input. */
    static double[][] pool(double[][] m, int pr, int pc, Pooling pooling) {
        if (pr == 1 && pc == 1) {
            return m;
        }
        int rows = m.length, cols = m[0].length;
        int sr = (rows + pr - 1) / pr, sc = (cols + pc - 1) / pc;
        double[][] out = new double[sr][sc];
        for (int i = 0; i < sr; i++) {
            for (int j = 0; j < sc; j++) {
                double acc = pooling == Pooling.MAX ? Double.NEGATIVE_INFINITY : 0;
                int n = 0;
                for (int r = i * pr; r < Math.min(rows, (i + 1) * pr); r++) {
                    for (int c = j * pc; c < Math.min(cols, (j + 1) * pc); c++) {
                        double v = m[r][c];
                        if (Double.isNaN(v)) {
                            continue;
                        }
                        acc = pooling == Pooling.MAX ? Math.max(acc, v) : acc + v;
                        n++;
                    }
                }
                out[i][j] = n == 0 ? Double.NaN : (pooling == Pooling.MAX ? acc : acc / n);
            }
        }
        return out;
    }

    /** Draws the matrix and writes it as a PNG file. */
    public static void write(double[][] matrix, Options o, Path file) throws IOException {
        Png.write(render(matrix, o), file);
    }
}
