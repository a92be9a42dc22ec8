package org.bertgeometry.report.chart;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A confusion matrix: true classes as rows, predicted classes as columns, each cell showing its count
 * and coloured by the count divided by its row total (the fraction of that true class predicted as
 * the column's class; the diagonal is per-class recall). Colouring by row keeps rare classes as
 * visible as common ones. A row with no samples is grey. Cells large enough also show the
 * percentage.
 */
public final class ConfusionMatrixChart {

    /**
     * How the chart looks.
     *
     * @param title    text above the matrix (default empty)
     * @param cellSize cell side in pixels, or 0 to choose from the class count (default 0: 64 px for up to
     *                 8 classes, shrinking to at least 24 so the matrix stays near 600 px)
     * @param scale    colours for row fractions 0..1 (default {@link ColorScale#whiteToBlue()}, so an
     *                 empty cell looks like paper)
     */
    public record Options(String title, int cellSize, ColorScale scale) {
        public Options {
            title = title == null ? "" : title;
            if (cellSize != 0 && (cellSize < 16 || cellSize > 160)) {
                throw new IllegalArgumentException("cellSize must be 0 (automatic) or 16 to 160 pixels, got " + cellSize);
            }
            java.util.Objects.requireNonNull(scale, "scale");
        }

        public static Options defaults() {
            return new Options("", 0, ColorScale.whiteToBlue());
        }

        public Options withTitle(String t) {
            return new Options(t, cellSize, scale);
        }

        public Options withCellSize(int size) {
            return new Options(title, size, scale);
        }

        public Options withScale(ColorScale s) {
            return new Options(title, cellSize, s);
        }
    }

    private ConfusionMatrixChart() {
    }

    /** Draws {@code counts[true][predicted]} (square, non-negative) with one class name per row. */
    public static BufferedImage render(long[][] counts, List<String> classNames, Options o) {
        int n = counts.length;
        if (n == 0 || classNames.size() != n) {
            throw new IllegalArgumentException("need a non-empty square matrix with one class name per row, got "
                    + n + " rows and " + classNames.size() + " names");
        }
        long[] rowSum = new long[n];
        for (int r = 0; r < n; r++) {
            if (counts[r].length != n) {
                throw new IllegalArgumentException("confusion matrix row " + r + " has " + counts[r].length
                        + " counts for " + n + " classes");
            }
            for (long v : counts[r]) {
                if (v < 0) {
                    throw new IllegalArgumentException("confusion matrix row " + r + " has a negative count " + v);
                }
                rowSum[r] += v;
            }
        }
        int cell = o.cellSize() != 0 ? o.cellSize() : Math.max(24, Math.min(64, 600 / n));
        int nameW = Canvas.maxWidth(Canvas.font(12), classNames);
        boolean upright = nameW + 6 > cell;
        int top = (o.title().isEmpty() ? 14 : 40);
        int left = 12 + 22 + nameW + 8;
        int plot = n * cell;
        int colLabelH = upright ? nameW + 8 : 20;
        int barH = Math.max(plot, 120);
        int right = 16 + 16 + 6 + Canvas.width(Canvas.font(11), "100%") + 22 + 12;
        int width = Math.max(left + plot + right, Canvas.width(Canvas.bold(15), o.title()) + 24);
        int height = top + Math.max(plot, barH) + colLabelH + 34;

        Canvas c = new Canvas(width, height);
        if (!o.title().isEmpty()) {
            c.g.setFont(Canvas.bold(15));
            c.centred(o.title(), width / 2.0, 20);
        }
        int countSize = Math.max(9, Math.min(14, cell / 4));
        boolean showPercent = cell >= 48;
        for (int r = 0; r < n; r++) {
            for (int p = 0; p < n; p++) {
                double frac = rowSum[r] == 0 ? Double.NaN : (double) counts[r][p] / rowSum[r];
                Color fill = Double.isNaN(frac) ? Canvas.MISSING : o.scale().at(frac);
                int x = left + p * cell, y = top + r * cell;
                c.g.setColor(fill);
                c.g.fillRect(x, y, cell, cell);
                c.g.setColor(Canvas.textOn(fill));
                c.g.setFont(r == p ? Canvas.bold(countSize) : Canvas.font(countSize));
                String count = Long.toString(counts[r][p]);
                if (showPercent && !Double.isNaN(frac)) {
                    c.centred(count, x + cell / 2.0, y + cell / 2.0 - 7);
                    c.g.setFont(Canvas.font(10));
                    c.centred(Math.round(frac * 100) + "%", x + cell / 2.0, y + cell / 2.0 + 10);
                } else {
                    c.centred(count, x + cell / 2.0, y + cell / 2.0);
                }
            }
        }
        c.g.setColor(Canvas.INK);
        c.g.drawRect(left - 1, top - 1, plot + 1, plot + 1);
        c.g.setFont(Canvas.font(12));
        for (int i = 0; i < n; i++) {
            c.rightAligned(classNames.get(i), left - 6, top + i * cell + cell / 2.0);
            if (upright) {
                c.upwardEndingAt(classNames.get(i), left + i * cell + cell / 2.0, top + plot + 6);
            } else {
                c.centred(classNames.get(i), left + i * cell + cell / 2.0, top + plot + 12);
            }
        }
        c.g.setFont(Canvas.font(13));
        c.centred("predicted class", left + plot / 2.0, top + plot + colLabelH + 18);
        c.upwardCentred("true class", 20, top + plot / 2.0);
        HeatmapChart.drawColourBar(c, o.scale(), left + plot + 16, top, barH, "0%", "50%", "100%",
                "fraction of true class");
        return c.finish();
    }

    /** Draws the matrix and writes it as a PNG file. */
    public static void write(long[][] counts, List<String> classNames, Options o, Path file) throws IOException {
        Png.write(render(counts, classNames, o), file);
    }
}
