package org.bertgeometry.knime.picture;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Lays several charts out on one white sheet, row by row, so that a node with several pictures (one grid per class,
 * one heatmap per chosen head) still has one image port. Each cell of the layout is as large as the largest chart;
 * a row may leave cells empty.
 */
public final class PictureSheet {

    private static final int GAP = 12;

    private PictureSheet() {
    }

    /**
     * A small white picture carrying one line of text, for a node whose input gives nothing to draw: the port
     * still carries an image, and the text says why it is empty.
     */
    public static BufferedImage note(final String text) {
        BufferedImage image = new BufferedImage(Math.max(200, 8 * text.length() + 24), 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.DARK_GRAY);
            g.drawString(text, 12, 25);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Axis tick labels 0, 1, ..., n-1: layers and heads are numbered as in the nodes' tables. */
    public static java.util.List<String> indices(final int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(Integer::toString).toList();
    }

    /** @return the charts in {@code columns} columns (at least 1), or the only chart itself */
    public static BufferedImage of(final List<BufferedImage> charts, final int columns) {
        if (charts.isEmpty()) {
            throw new IllegalArgumentException("a picture sheet needs at least one chart");
        }
        int cols = Math.max(1, Math.min(columns, charts.size()));
        List<List<BufferedImage>> rows = new ArrayList<>();
        for (int i = 0; i < charts.size(); i += cols) {
            rows.add(charts.subList(i, Math.min(charts.size(), i + cols)));
        }
        return ofRows(rows);
    }

    /**
     * The charts row by row as given, so that a row stays one thing (one class, one sample) even where some of its
     * charts are missing: a null chart leaves its cell empty (white), keeping the later charts of the row in their
     * columns. There are as many columns as the longest row has cells.
     *
     * @return the sheet, or the only chart itself when there is one cell
     */
    public static BufferedImage ofRows(final List<List<BufferedImage>> rows) {
        List<BufferedImage> charts = rows.stream().flatMap(List::stream).filter(Objects::nonNull).toList();
        if (charts.isEmpty()) {
            throw new IllegalArgumentException("a picture sheet needs at least one chart");
        }
        int cols = rows.stream().mapToInt(List::size).max().orElseThrow();
        if (rows.size() == 1 && cols == 1) {
            return charts.get(0);
        }
        int cellW = charts.stream().mapToInt(BufferedImage::getWidth).max().orElseThrow();
        int cellH = charts.stream().mapToInt(BufferedImage::getHeight).max().orElseThrow();
        BufferedImage sheet = new BufferedImage(cols * cellW + (cols + 1) * GAP,
            rows.size() * cellH + (rows.size() + 1) * GAP, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    BufferedImage chart = rows.get(r).get(c);
                    if (chart != null) {
                        g.drawImage(chart, GAP + c * (cellW + GAP), GAP + r * (cellH + GAP), null);
                    }
                }
            }
        } finally {
            g.dispose();
        }
        return sheet;
    }
}
