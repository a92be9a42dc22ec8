package org.bertgeometry.knime.workflows;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The exact pixel size a node's picture must have, derived in the test from the node's picture settings, the shape
 * of the data (layers, heads, classes, tokens) and the extent of the texts drawn (measured here with the logical
 * SansSerif font and integer metrics, which the charts promise to use), by the layout rules the charts document:
 * a heatmap's plot is its cells after pooling (at most 40 pixels per cell, at most the pixel budget per side)
 * framed by title, tick labels, axis titles and colour bar; a layer-by-head grid is its cells beside its legend;
 * a sheet of several charts has one cell per chart, as large as the largest chart, and 12-pixel gaps. Nothing here
 * calls the chart code: the expected size is computed independently and compared with the PNG the node wrote.
 *
 * <p>Written in testflow.properties as {@code kind(key=value; key=value; ...)}:
 * <ul>
 * <li>{@code directionality(layers=L; heads=H; pixels=B)}: Subspace Directionality's layer-by-head heatmap of
 * delta on the fixed range [0, 1]; where that size cannot tell the shape from others (see below), only as
 * {@code directionality(layers=L; heads=H; pixels=B; shape-checked-by=<the test that checks the shape>)};</li>
 * <li>{@code infer(pixels=B; layer=L; heads=h1,h2; <row key>=<tokens separated by spaces>; ...)}: Infer's
 * heatmaps of the stored samples (in the order given) for the chosen heads of one layer, range [0, 1], the
 * tokens as ticks, one sheet row per sample;</li>
 * <li>{@code pattern(cell=C; layers=L; heads=H; classes=a,b; drawn=D)}: the Attention Pattern Classifier's
 * sheet, per class one row of its gate grid and D class-mean heatmaps (a missing map leaves its cell empty, so the
 * size is the same; where each chart lands is PatternClassifierNodeModelTest's check), where a grid is the largest
 * chart (the workflow chooses a cell size that makes it so; a heatmap's colour-bar ticks follow the data, but were
 * one larger than the grids, the sizes would differ and the check fail).</li>
 * </ul>
 *
 * <p>A heatmap whose size does not follow from its cells is refused: a plot no higher than the colour bar's 120
 * pixels (the bar sets the height, so 1 and 3 layers look alike) or a title at least as wide as the frame (the
 * title sets the width, so 1 and 5 heads look alike). A check on such a size would pass a transposed or truncated
 * map; the expression must then name where the shape is checked instead ({@code shape-checked-by}), and naming it
 * where the size does tell the shape is refused too, so the note cannot go stale.
 */
public final class PictureSizes {

    /** PictureSheet: the gap around and between charts. */
    private static final int GAP = 12;
    /** Heatmaps: the most pixels per cell, the least colour-bar height, the colour-bar width. */
    private static final int MAX_CELL = 40;
    private static final int MIN_BAR = 120;
    private static final int BAR = 16;
    /** Grid legend: the swatch width and the height of one entry. */
    private static final int SWATCH = 22;
    private static final int LEGEND_ROW = 18;
    /** The tick texts of a colour bar on the fixed range [0, 1]: bottom, middle, top. */
    private static final List<String> UNIT_RANGE_TICKS = List.of("0", "0.5", "1");
    /**
     * The legend of a gate grid, written by hand: each gate name after its code, the shortest prefix that tells the
     * eight names apart (three letters: "clo" and "clu" need the third).
     */
    private static final List<String> GATE_LEGEND = List.of("clo  closed-gate", "dir  directional-gate",
        "ope  open-gate", "bac  backward-contextual-gate", "for  forward-contextual-gate", "ins  instance-gate",
        "clu  cluster-head", "unc  unclassified");

    /** The key naming where a shape is checked whose picture size cannot tell it. */
    private static final String SHAPE_CHECKED_BY = "shape-checked-by";

    private static final Pattern EXPRESSION = Pattern.compile("(\\w+)\\((.*)\\)");

    /** A picture size in pixels. */
    public record Size(int width, int height) {
        @Override
        public String toString() {
            return width + "x" + height;
        }
    }

    private PictureSizes() {
    }

    /** @return the size {@code expression} stands for, or null if it is no picture expression */
    public static Size of(final String expression) {
        Matcher m = EXPRESSION.matcher(expression.trim());
        if (!m.matches()) {
            return null;
        }
        Map<String, String> p = new LinkedHashMap<>();
        for (String item : m.group(2).split(";")) {
            String[] kv = item.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("'" + item + "' in " + expression + " is not key=value");
            }
            p.put(kv[0].strip(), kv[1].strip());
        }
        return switch (m.group(1)) {
            case "directionality" -> directionality(p);
            case "infer" -> infer(p);
            case "pattern" -> pattern(p);
            default -> throw new IllegalArgumentException("unknown picture kind in " + expression);
        };
    }

    /** One heatmap of delta, layers as rows and heads as columns, each labelled 0, 1, ...; title above. */
    private static Size directionality(final Map<String, String> p) {
        int layers = Integer.parseInt(p.get("layers"));
        int heads = Integer.parseInt(p.get("heads"));
        Heatmap map = heatmap(layers, heads, Integer.parseInt(p.get("pixels")),
            "Directionality index delta = |skew(M)| / |M| per head", indices(layers), indices(heads));
        String checkedBy = p.get(SHAPE_CHECKED_BY);
        if (checkedBy != null && map.ambiguity() == null) {
            throw new IllegalArgumentException("a " + layers + " x " + heads + " map's size tells its shape: drop "
                + SHAPE_CHECKED_BY + "=" + checkedBy);
        }
        return checkedBy == null ? map.size() : map.sizeWhateverTheShape();
    }

    /** One heatmap per sample and head, titled "row K, layer L head H", the sample's tokens on both axes. */
    private static Size infer(final Map<String, String> p) {
        if (p.containsKey(SHAPE_CHECKED_BY)) {
            // every other key names a sample, so the note would be read as one: refuse it by name instead
            throw new IllegalArgumentException("infer(...) takes no " + SHAPE_CHECKED_BY + ": choose samples and a"
                + " pixel budget whose plots are higher than the colour bar and wider than their titles");
        }
        int budget = Integer.parseInt(p.remove("pixels"));
        int layer = Integer.parseInt(p.remove("layer"));
        List<String> heads = Arrays.asList(p.remove("heads").split(","));
        List<Size> charts = new ArrayList<>();
        for (Map.Entry<String, String> sample : p.entrySet()) {
            List<String> tokens = Arrays.asList(sample.getValue().split(" "));
            for (String h : heads) {
                charts.add(heatmap(tokens.size(), tokens.size(), budget,
                    "row " + sample.getKey() + ", layer " + layer + " head " + h, tokens, tokens).size());
            }
        }
        return sheet(charts, heads.size());
    }

    /** Per class: the gate grid, then one heatmap per drawn head; the grid being the largest chart of the sheet. */
    private static Size pattern(final Map<String, String> p) {
        int layers = Integer.parseInt(p.get("layers"));
        int heads = Integer.parseInt(p.get("heads"));
        List<String> classes = Arrays.asList(p.get("classes").split(","));
        int drawn = Integer.parseInt(p.get("drawn"));
        List<Size> grids = classes.stream()
            .map(c -> grid(layers, heads, Integer.parseInt(p.get("cell")), "Gate of each head, class " + c)).toList();
        Size largest = new Size(grids.stream().mapToInt(Size::width).max().orElseThrow(),
            grids.stream().mapToInt(Size::height).max().orElseThrow());
        return sheet(java.util.Collections.nCopies(classes.size() * (1 + drawn), largest), 1 + drawn);
    }

    /**
     * A titled heatmap with axis titles, tick labels on both axes and a labelled colour bar on the range [0, 1].
     * Plot: each side of n cells pooled in blocks of ceil(n / budget), then drawn at min(40, budget / shown cells)
     * pixels per cell. Frame: 40 above (title), left 12 + 22 (axis title) + the widest row label + 6; right 16 +
     * the bar + 6 + the widest bar tick + 22 (bar title) + 12; below 10 + the widest column label (written upward)
     * + 6 + 24 (axis title) + 4; the plot beside the bar is at least the bar's 120 pixels high; the title, with 12
     * on each side, may widen the picture.
     */
    private static Heatmap heatmap(final int rows, final int cols, final int budget, final String title,
        final List<String> rowLabels, final List<String> colLabels) {
        int shownRows = ceilDiv(rows, ceilDiv(rows, budget));
        int shownCols = ceilDiv(cols, ceilDiv(cols, budget));
        int plotH = shownRows * Math.max(1, Math.min(MAX_CELL, budget / shownRows));
        int plotW = shownCols * Math.max(1, Math.min(MAX_CELL, budget / shownCols));
        int left = 12 + 22 + widest(11, false, rowLabels) + 6;
        int right = 16 + BAR + 6 + widest(11, false, UNIT_RANGE_TICKS) + 22 + 12;
        int bottom = 10 + widest(11, false, colLabels) + 6 + 24 + 4;
        int frameW = left + plotW + right;
        int titleW = widest(15, true, List.of(title)) + 24;
        String ambiguity = null;
        if (plotH <= MIN_BAR) {
            ambiguity = "its " + plotH + "-pixel-high plot is no higher than the colour bar's " + MIN_BAR
                + " pixels, which then sets the height";
        } else if (titleW >= frameW) {
            ambiguity = "its title (" + titleW + " pixels with margins) is at least as wide as the frame around"
                + " the plot (" + frameW + "), so the title sets the width";
        }
        return new Heatmap(new Size(Math.max(frameW, titleW), 40 + Math.max(plotH, MIN_BAR) + bottom),
            rows + " x " + cols, ambiguity);
    }

    /**
     * A heatmap's size, and why it cannot tell the map's shape from others (null if it can).
     *
     * @param shape rows x columns, for the message
     */
    private record Heatmap(Size sizeWhateverTheShape, String shape, String ambiguity) {

        /** @return the size, refused where it does not follow from the cells */
        Size size() {
            if (ambiguity != null) {
                throw new IllegalArgumentException("a " + shape + " heatmap's size cannot tell its shape: "
                    + ambiguity + ". A transposed or truncated map would have the same size; choose a larger"
                    + " pixel budget or data shape, or check the shape elsewhere (a unit test) and name it with "
                    + SHAPE_CHECKED_BY + "=...");
            }
            return sizeWhateverTheShape;
        }
    }

    /**
     * A layer-by-head grid of gate names (row title "layer", column title "head", indices as names) under a
     * title: 40 (title) + 20 (column title) + 16 above the cells; left 12 + 22 (row title) + the widest row name +
     * 8; the legend 20 to the right (swatch, 6, the widest entry, 8) and 10 beyond; 16 below the cells or the
     * legend, whichever is longer; the title, with 12 on each side, may widen it. The legend has one more entry,
     * "none", when some head's map was too small to classify, which the data decides: the cells must be the
     * longer part for the size to be known.
     */
    private static Size grid(final int layers, final int heads, final int cell, final String title) {
        int top = 40 + 20 + 16;
        int left = 12 + 22 + widest(11, false, indices(layers)) + 8;
        int legend = SWATCH + 6 + widest(12, false, GATE_LEGEND) + 8;
        int longestLegend = (GATE_LEGEND.size() + 1) * LEGEND_ROW;
        if (layers * cell < longestLegend) {
            throw new IllegalArgumentException(layers + " layers of " + cell + "-pixel cells are shorter than the"
                + " legend may be (" + longestLegend + " pixels): choose a larger grid cell to know the size");
        }
        int width = Math.max(left + heads * cell + 20 + legend + 10, widest(15, true, List.of(title)) + 24);
        return new Size(width, top + layers * cell + 16);
    }

    /** Charts in rows of {@code columns}, each cell as large as the largest chart, 12 pixels around each. */
    private static Size sheet(final List<Size> charts, final int columns) {
        if (charts.size() == 1) {
            return charts.get(0);
        }
        int cols = Math.min(columns, charts.size());
        int rows = ceilDiv(charts.size(), cols);
        int cellW = charts.stream().mapToInt(Size::width).max().orElseThrow();
        int cellH = charts.stream().mapToInt(Size::height).max().orElseThrow();
        return new Size(cols * cellW + (cols + 1) * GAP, rows * cellH + (rows + 1) * GAP);
    }

    private static List<String> indices(final int n) {
        return IntStream.range(0, n).mapToObj(Integer::toString).toList();
    }

    private static int ceilDiv(final int a, final int b) {
        return (a + b - 1) / b;
    }

    /** The widest of {@code texts} in pixels, in SansSerif of that size, anti-aliased, integer metrics. */
    private static int widest(final int size, final boolean bold, final List<String> texts) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
            FontMetrics m = g.getFontMetrics(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, size));
            return texts.stream().mapToInt(m::stringWidth).max().orElse(0);
        } finally {
            g.dispose();
        }
    }
}
