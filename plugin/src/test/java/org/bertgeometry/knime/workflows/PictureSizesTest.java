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
        PictureSizes.Size one = PictureSizes.of("infer(pixels=512; layer=0; heads=0; Row0=a b c)");
        PictureSizes.Size two = PictureSizes.of("infer(pixels=512; layer=0; heads=0,1; Row0=a b c)");
        assertEquals(2 * one.width() + 3 * 12, two.width(), "two charts side by side with gaps around and between");
        assertEquals(one.height() + 2 * 12, two.height());
    }

    @Test
    void aLongerSampleGrowsByFortyPixelsPerTokenAboveTheColourBarsHeight() {
        PictureSizes.Size three = PictureSizes.of("infer(pixels=512; layer=0; heads=0; Row0=a b c)");
        PictureSizes.Size five = PictureSizes.of("infer(pixels=512; layer=0; heads=0; Row0=a b c d e)");
        // 3 tokens: 120-pixel plot, as high as the colour bar; 5 tokens: 200 pixels
        assertEquals(80, five.height() - three.height());
        assertTrue(five.width() - three.width() <= 80, "the title may be wider than the 3-token chart");
    }

    @Test
    void theHeatmapBudgetPoolsLargeMapsToAtMostTheBudget() {
        PictureSizes.Size small = PictureSizes.of("directionality(layers=100; heads=1; pixels=64)");
        PictureSizes.Size pooled = PictureSizes.of("directionality(layers=200; heads=1; pixels=64)");
        // 100 layers at 64 pixels: blocks of 2, 50 shown rows of 1 pixel; 200 layers: blocks of 4, 50 rows again
        assertEquals(small.height(), pooled.height());
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
