package org.bertgeometry.variants.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

    // exact ratios of small integers; 1e-12 only absorbs the last-bit rounding of the divisions
    private static final double EPS = 1e-12;

    @Test
    void threeClassExampleMatchesAHandCalculation() {
        int[] y = {0, 0, 0, 1, 1, 2, 2, 2, 2};
        int[] p = {0, 0, 1, 1, 2, 2, 2, 2, 0};
        ClassificationMetrics m = ClassificationMetrics.compute(y, p, 3);
        // confusion (rows true): [[2,1,0],[0,1,1],[1,0,3]]
        assertArrayEquals(new long[] {2, 1, 0}, m.confusion()[0]);
        assertArrayEquals(new long[] {0, 1, 1}, m.confusion()[1]);
        assertArrayEquals(new long[] {1, 0, 3}, m.confusion()[2]);
        assertEquals(6.0 / 9, m.accuracy(), EPS);
        // class 0: TP 2, FP 1, FN 1, TN 5 -> P 2/3, R 2/3, F1 2/3, spec 5/6
        ClassMetrics c0 = m.perClass().get(0);
        assertEquals(2.0 / 3, c0.precision(), EPS);
        assertEquals(2.0 / 3, c0.recall(), EPS);
        assertEquals(2.0 / 3, c0.f1(), EPS);
        assertEquals(3, c0.support());
        assertEquals(5.0 / 6, c0.specificity(), EPS);
        // class 1: TP 1, FP 1, FN 1, TN 6 -> P 1/2, R 1/2, F1 1/2, spec 6/7
        ClassMetrics c1 = m.perClass().get(1);
        assertEquals(0.5, c1.f1(), EPS);
        assertEquals(6.0 / 7, c1.specificity(), EPS);
        // class 2: TP 3, FP 1, FN 1, TN 4 -> P 3/4, R 3/4, F1 3/4, spec 4/5
        ClassMetrics c2 = m.perClass().get(2);
        assertEquals(0.75, c2.precision(), EPS);
        assertEquals(0.8, c2.specificity(), EPS);
        assertEquals(4, c2.support());
        // macro F1 = (2/3 + 1/2 + 3/4) / 3 = 23/36; micro F1 = accuracy for single-label data
        assertEquals(23.0 / 36, m.macroF1(), EPS);
        assertEquals(6.0 / 9, m.microF1(), EPS);
    }

    @Test
    void zeroDivisionGivesZeroAndAbsentClassesStayOutOfTheMacroAverage() {
        // class 1 is never predicted (precision 0/0 -> 0); class 2 never occurs at all
        int[] y = {0, 0, 1};
        int[] p = {0, 0, 0};
        ClassificationMetrics m = ClassificationMetrics.compute(y, p, 3);
        ClassMetrics c1 = m.perClass().get(1);
        assertEquals(0.0, c1.precision());
        assertEquals(0.0, c1.recall());
        assertEquals(0.0, c1.f1());
        assertEquals(1.0, c1.specificity(), EPS); // TN 2, FP 0
        ClassMetrics c2 = m.perClass().get(2);
        assertEquals(0, c2.support());
        assertEquals(1.0, c2.specificity(), EPS); // TN 3, FP 0
        // class 0: TP 2, FP 1, FN 0 -> F1 = 4/5; sklearn's macro over labels {0,1}: (0.8 + 0) / 2
        assertEquals(0.4, m.macroF1(), EPS);
        assertEquals(2.0 / 3, m.accuracy(), EPS);
        // class 0's specificity: TN 0, FP 1 -> 0
        assertEquals(0.0, m.perClass().get(0).specificity());
    }

    @Test
    void mismatchedLengthsAndOutOfRangeLabelsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ClassificationMetrics.compute(new int[] {0}, new int[] {0, 1}, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.compute(new int[] {0, 5}, new int[] {0, 1}, 2));
        assertEquals(true, e.getMessage().contains("sample 1"));
        assertThrows(IllegalArgumentException.class, () -> ClassificationMetrics.compute(new int[0], new int[0], 2));
    }
}
