package org.bertgeometry.report.chart;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A grid of labelled cells, one colour per category with a legend: the gate label of every layer
 * (row) and head (column) in the attention-pattern taxonomy. Each cell also carries a short text (by
 * default a code for its category, so the grid stays readable in grey print). A null label is a
 * missing cell, drawn grey with no text.
 */
public final class CategoricalGrid {

    /**
     * How the grid looks.
     *
     * @param title      text above the grid (default empty)
     * @param rowTitle   title of the row axis (default "layer")
     * @param colTitle   title of the column axis (default "head")
     * @param rowNames   one name per row, or null for 0, 1, 2, ... as in the hook names layer.{l} (default null)
     * @param colNames   one name per column, or null for 0, 1, 2, ... (default null)
     * @param categories legend order and colour assignment, or null for order of first appearance reading
     *                   row by row (default null); every label must be one of them
     * @param cellSize   cell side in pixels (default 40, 12 to 120)
     * @param cellText   write text in each cell (default true)
     */
    public record Options(String title, String rowTitle, String colTitle, List<String> rowNames, List<String> colNames,
                          List<String> categories, int cellSize, boolean cellText) {
        public Options {
            title = title == null ? "" : title;
            rowTitle = rowTitle == null ? "" : rowTitle;
            colTitle = colTitle == null ? "" : colTitle;
            rowNames = rowNames == null ? null : List.copyOf(rowNames);
            colNames = colNames == null ? null : List.copyOf(colNames);
            categories = categories == null ? null : List.copyOf(categories);
            if (cellSize < 12 || cellSize > 120) {
                throw new IllegalArgumentException("cellSize must be 12 to 120 pixels, got " + cellSize);
            }
        }

        public static Options defaults() {
            return new Options("", "layer", "head", null, null, null, 40, true);
        }

        public Options withTitle(String t) {
            return new Options(t, rowTitle, colTitle, rowNames, colNames, categories, cellSize, cellText);
        }

        public Options withCategories(List<String> cats) {
            return new Options(title, rowTitle, colTitle, rowNames, colNames, cats, cellSize, cellText);
        }

        public Options withNames(List<String> rows, List<String> cols) {
            return new Options(title, rowTitle, colTitle, rows, cols, categories, cellSize, cellText);
        }

        public Options withCellSize(int size) {
            return new Options(title, rowTitle, colTitle, rowNames, colNames, categories, size, cellText);
        }
    }

    private CategoricalGrid() {
    }

    /**
     * Draws {@code labels[row][column]} with the default cell texts: for each category the shortest
     * prefix (up to 4 characters) that tells all categories apart, else its 1-based legend number.
     */
    public static BufferedImage render(String[][] labels, Options o) {
        return render(labels, null, o);
    }

    /** Draws {@code labels[row][column]}, writing {@code cellText[row][column]} in each cell (null: default codes). */
    public static BufferedImage render(String[][] labels, String[][] cellText, Options o) {
        int rows = labels.length;
        if (rows == 0 || labels[0].length == 0) {
            throw new IllegalArgumentException("a categorical grid needs at least one row and one column");
        }
        int cols = labels[0].length;
        Set<String> seen = new LinkedHashSet<>();
        for (int r = 0; r < rows; r++) {
            if (labels[r].length != cols) {
                throw new IllegalArgumentException("grid row " + r + " has " + labels[r].length + " cells, row 0 has " + cols);
            }
            if (cellText != null && (cellText.length != rows || cellText[r].length != cols)) {
                throw new IllegalArgumentException("cell texts must have the same shape as the labels");
            }
            for (String s : labels[r]) {
                if (s != null) {
                    seen.add(s);
                }
            }
        }
        List<String> cats = o.categories() != null ? o.categories() : new ArrayList<>(seen);
        for (String s : seen) {
            if (!cats.contains(s)) {
                throw new IllegalArgumentException("label '" + s + "' is not among the categories " + cats);
            }
        }
        List<String> rowNames = o.rowNames() != null ? o.rowNames() : indices(rows);
        List<String> colNames = o.colNames() != null ? o.colNames() : indices(cols);
        if (rowNames.size() != rows || colNames.size() != cols) {
            throw new IllegalArgumentException("need " + rows + " row names and " + cols + " column names, got "
                    + rowNames.size() + " and " + colNames.size());
        }
        List<String> codes = codes(cats);
        List<Color> colours = new ArrayList<>();
        List<String> legendNames = new ArrayList<>();
        for (int i = 0; i < cats.size(); i++) {
            colours.add(Palette.colour(i));
            legendNames.add(o.cellText() && cellText == null ? codes.get(i) + "  " + cats.get(i) : cats.get(i));
        }

        int cell = o.cellSize();
        int top = (o.title().isEmpty() ? 14 : 40) + (o.colTitle().isEmpty() ? 0 : 20) + 16;
        int left = 12 + (o.rowTitle().isEmpty() ? 0 : 22) + Canvas.maxWidth(Canvas.font(11), rowNames) + 8;
        int plotW = cols * cell;
        int plotH = rows * cell;
        int legendW = Legend.width(legendNames);
        int width = Math.max(left + plotW + 20 + legendW + 10, Canvas.width(Canvas.bold(15), o.title()) + 24);
        int height = Math.max(top + plotH + 16, top + legendNames.size() * Legend.ROW + 16);

        Canvas c = new Canvas(width, height);
        if (!o.title().isEmpty()) {
            c.g.setFont(Canvas.bold(15));
            c.centred(o.title(), width / 2.0, 20);
        }
        c.g.setFont(Canvas.font(13));
        if (!o.colTitle().isEmpty()) {
            c.centred(o.colTitle(), left + plotW / 2.0, top - 26);
        }
        if (!o.rowTitle().isEmpty()) {
            c.upwardCentred(o.rowTitle(), 20, top + plotH / 2.0);
        }
        c.g.setFont(Canvas.font(11));
        for (int j = 0; j < cols; j++) {
            c.centred(colNames.get(j), left + j * cell + cell / 2.0, top - 9);
        }
        for (int r = 0; r < rows; r++) {
            c.rightAligned(rowNames.get(r), left - 6, top + r * cell + cell / 2.0);
        }
        int fontSize = Math.max(8, Math.min(13, cell / 3));
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                String label = labels[r][j];
                Color fill = label == null ? Canvas.MISSING : colours.get(cats.indexOf(label));
                c.g.setColor(fill);
                c.g.fillRect(left + j * cell, top + r * cell, cell, cell);
                String text = cellText != null ? cellText[r][j] : (label == null ? null : codes.get(cats.indexOf(label)));
                if (o.cellText() && text != null && !text.isEmpty()) {
                    c.g.setColor(Canvas.textOn(fill));
                    c.g.setFont(Canvas.font(fontSize));
                    c.centred(fitText(text, cell - 4, fontSize), left + j * cell + cell / 2.0, top + r * cell + cell / 2.0);
                }
            }
        }
        c.g.setColor(Color.WHITE);
        for (int r = 1; r < rows; r++) {
            c.g.drawLine(left, top + r * cell, left + plotW - 1, top + r * cell);
        }
        for (int j = 1; j < cols; j++) {
            c.g.drawLine(left + j * cell, top, left + j * cell, top + plotH - 1);
        }
        c.g.setColor(Canvas.INK);
        c.g.drawRect(left - 1, top - 1, plotW + 1, plotH + 1);
        Legend.draw(c, left + plotW + 20, top, legendNames, colours, Legend.Swatch.SQUARE);
        return c.finish();
    }

    private static String fitText(String text, int maxPx, int size) {
        String s = text;
        while (s.length() > 1 && Canvas.width(Canvas.font(size), s) > maxPx) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static List<String> indices(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Integer.toString(i));
        }
        return out;
    }

    /** Shortest common prefix length (1..4) that tells all categories apart; numbers when none does. */
    static List<String> codes(List<String> cats) {
        for (int len = 1; len <= 4; len++) {
            Set<String> distinct = new LinkedHashSet<>();
            List<String> out = new ArrayList<>();
            for (String s : cats) {
                String p = s.substring(0, Math.min(len, s.length()));
                out.add(p);
                distinct.add(p);
            }
            if (distinct.size() == cats.size()) {
                return out;
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < cats.size(); i++) {
            out.add(Integer.toString(i + 1));
        }
        return out;
    }

    /** Draws the grid and writes it as a PNG file. */
    public static void write(String[][] labels, Options o, Path file) throws IOException {
        Png.write(render(labels, o), file);
    }
}
