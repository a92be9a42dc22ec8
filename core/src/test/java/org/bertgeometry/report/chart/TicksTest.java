package org.bertgeometry.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TicksTest {

    @Test
    void ticksFallOnOneTwoTwoAndAHalfOrFiveTimesAPowerOfTen() {
        // range 0..1.7, about 6 intervals: raw step 0.283 -> next nice step 0.5
        assertEquals(List.of(0.0, 0.5, 1.0, 1.5), Ticks.ticks(0, 1.7, 6));
        // range 0..1, raw 0.1667 -> 0.2
        assertEquals(0.2, Ticks.step(0, 1, 6), 1e-12);
        // range 0..12, raw 2 -> 2
        assertEquals(2.0, Ticks.step(0, 12, 6), 1e-12);
    }

    @Test
    void tickLabelsShowNoBinaryRoundOff() {
        assertEquals("0.3", Ticks.label(0.1 + 0.2, 0.1));
        assertEquals("0.25", Ticks.label(0.25, 0.25));
        assertEquals("10", Ticks.label(10, 5));
    }

    @Test
    void colourBarLabelsShareThePrecisionOfTheirSpan() {
        // span 2 -> a hundredth is 0.02 -> 2 decimals; -0.000208 rounds to 0, 0.9996 to 1
        assertEquals("0", Ticks.onRange(-0.000208, -1, 0.9996));
        assertEquals("1", Ticks.onRange(0.9996, -1, 0.9996));
        assertEquals("-1", Ticks.onRange(-1, -1, 0.9996));
        assertEquals("1.5", Ticks.onRange(1.5, 0, 3));
        assertEquals("0.123", Ticks.onRange(0.1234, 0, 0.5)); // hundredth 0.005 -> 3 decimals
    }
}
