package org.bertgeometry.knime.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The picture expressions of testflow.properties: what follows from the layout rules alone, independent of the
 * font (the workflows compare the full sizes with the nodes' PNGs).
 */
class PictureSizesTest {

    @Test
    void plainSizesAreNoExpressions() {
        assertNull(PictureSizes.of("800x480"));
        assertNull(PictureSizes.of(">=800x480"));
    }

    @Test
    void anotherHeadOfOneSampleAddsOneCellOfTheSheetAndAGap() {
        PictureSizes.Size one = PictureSizes.of("infer(pixels=512; layer=0; heads=0; Row0=a b c d)");
        PictureSizes.Size two = PictureSizes.of("infer(pixels=512; layer=0; heads=0,1; Row0=a b c d)");
        assertEquals(2 * one.width() + 3 * 12, two.width(), "two charts side by side with gaps around and between");
        assertEquals(one.height() + 2 * 12, two.height());
    }

    @Test
    void aLongerSampleGrowsByFortyPixelsPerTokenAboveTheColourBarsHeight() {
        PictureSizes.Size four = PictureSizes.of("infer(pixels=512; layer=0; heads=0; Row0=a b c d)");
        PictureSizes.Size six = PictureSizes.of("infer(pixels=512; layer=0; heads=0; Row0=a b c d e f)");
        // 4 tokens: 160-pixel plot; 6 tokens: 240 pixels, in both directions
        assertEquals(80, six.height() - four.height());
        assertEquals(80, six.width() - four.width());
    }

    @Test
    void theHeatmapBudgetPoolsLargeMapsToAtMostTheBudget() {
        // square maps at a 256-pixel budget: 256 cells a side are drawn at 1 pixel each; 512 are pooled in blocks
        // of 2 to 256 shown cells, the same plot; 257 are pooled in blocks of 2 to 129 shown cells of 1 pixel
        // (equal tokens, so equal tick labels: only the plot differs)
        PictureSizes.Size budget = PictureSizes.of(squareMap(256, 256));
        PictureSizes.Size pooled = PictureSizes.of(squareMap(512, 256));
        PictureSizes.Size oddPooled = PictureSizes.of(squareMap(257, 256));
        assertEquals(budget, pooled, "pooled to the budget, not drawn at 512 pixels");
        assertEquals(256 - 129, budget.height() - oddPooled.height(), "129 shown rows of 1 pixel");
        assertEquals(256 - 129, budget.width() - oddPooled.width(), "129 shown columns of 1 pixel");
    }

    /** Infer's map of one sample of {@code tokens} equal tokens at a pixel budget. */
    private static String squareMap(final int tokens, final int pixels) {
        return "infer(pixels=" + pixels + "; layer=0; heads=0; Row0=" + "x ".repeat(tokens).strip() + ")";
    }

    @Test
    void aHeatmapSizeThatCannotTellTheShapeIsRefusedUnlessTheShapeIsCheckedElsewhere() {
        // 1 x 2 and 2 x 1 heads: plots of 40 x 80 and 80 x 40 pixels, both framed to the colour bar's 120-pixel
        // height and the title's width, so a transposed map would pass
        IllegalArgumentException low = assertThrows(IllegalArgumentException.class,
            () -> PictureSizes.of("directionality(layers=1; heads=2; pixels=512)"));
        assertTrue(low.getMessage().contains("no higher than the colour bar"), low.getMessage());
        assertTrue(low.getMessage().contains("shape-checked-by"), low.getMessage());
        assertEquals(PictureSizes.of("directionality(layers=1; heads=2; pixels=512; shape-checked-by=a test)"),
            PictureSizes.of("directionality(layers=2; heads=1; pixels=512; shape-checked-by=a test)"));
        // 4 x 2: a plot higher than the bar, but narrower than the title
        IllegalArgumentException narrow = assertThrows(IllegalArgumentException.class,
            () -> PictureSizes.of("directionality(layers=4; heads=2; pixels=512)"));
        assertTrue(narrow.getMessage().contains("title"), narrow.getMessage());
        // 4 x 12: the plot (160 x 480) sets both sides, so the note is refused as stale
        IllegalArgumentException stale = assertThrows(IllegalArgumentException.class,
            () -> PictureSizes.of("directionality(layers=4; heads=12; pixels=512; shape-checked-by=a test)"));
        assertTrue(stale.getMessage().contains("drop shape-checked-by"), stale.getMessage());
        PictureSizes.Size shape = PictureSizes.of("directionality(layers=4; heads=12; pixels=512)");
        assertEquals(shape.height() + 40, PictureSizes.of("directionality(layers=5; heads=12; pixels=512)").height());
        assertEquals(shape.width() - 40, PictureSizes.of("directionality(layers=4; heads=11; pixels=512)").width());
        // Infer's other keys are samples: a note there is refused by name, not read as a sample
        IllegalArgumentException infer = assertThrows(IllegalArgumentException.class,
            () -> PictureSizes.of("infer(pixels=512; layer=0; heads=0; Row0=a b c d; shape-checked-by=a test)"));
        assertTrue(infer.getMessage().contains("takes no shape-checked-by"), infer.getMessage());
    }

    @Test
    void gridCellsShorterThanTheLongestLegendAreRefusedAsNotKnowable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> PictureSizes.of("pattern(cell=40; layers=2; heads=2; classes=a; drawn=1)"));
        assertTrue(e.getMessage().contains("choose a larger grid cell"), e.getMessage());
        PictureSizes.Size a = PictureSizes.of("pattern(cell=90; layers=2; heads=2; classes=a; drawn=1)");
        PictureSizes.Size b = PictureSizes.of("pattern(cell=100; layers=2; heads=2; classes=a; drawn=1)");
        assertEquals(2 * 2 * 10, b.width() - a.width(), "two columns of grids, each 2 cells wider by 10");
        assertEquals(2 * 10, b.height() - a.height(), "one row of a grid 2 cells higher by 10");
    }

    @Test
    void unknownKindsAndMalformedItemsAreErrors() {
        assertThrows(IllegalArgumentException.class, () -> PictureSizes.of("cone(groups=3)"));
        assertThrows(IllegalArgumentException.class, () -> PictureSizes.of("directionality(layers)"));
    }
}
