package org.bertgeometry.cli.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.bertgeometry.variants.evaluation.SplitIndices;
import org.junit.jupiter.api.Test;

class RareClassSplitTest {

    @Test
    void classesBelowThreeSequencesGoEntirelyToTrainingAndTheRestIsStratified() {
        // class 0: 10 samples, class 1: 10, class 2: 2 (indices 20, 21), class 3: 1 (index 22)
        int[] labels = new int[23];
        Arrays.fill(labels, 10, 20, 1);
        labels[20] = 2;
        labels[21] = 2;
        labels[22] = 3;
        RareClassSplit.Result r = RareClassSplit.split(labels, 4, 0.2, 0.1, 1);
        assertEquals(List.of(2, 3), r.trainOnlyClasses());
        SplitIndices s = r.split();
        int[] train = s.train();
        assertTrue(IntStream.of(train).anyMatch(i -> i == 20) && IntStream.of(train).anyMatch(i -> i == 21)
                && IntStream.of(train).anyMatch(i -> i == 22), Arrays.toString(train));
        // the 20 stratifiable samples: test ceil(0.2 * 20) = 4 (2 per class), validation ceil(0.1 * 16) = 2
        assertEquals(4, s.test().length);
        assertEquals(2, s.validation().length);
        assertEquals(2, IntStream.of(s.test()).filter(i -> labels[i] == 0).count());
        assertEquals(23, train.length + s.validation().length + s.test().length);
        int[] all = IntStream.concat(IntStream.concat(IntStream.of(train), IntStream.of(s.validation())),
                IntStream.of(s.test())).sorted().toArray();
        assertEquals(23, IntStream.of(all).distinct().count(), "every sample in exactly one split");
    }

    @Test
    void refusesWhenTooFewSequencesCanBeSplit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RareClassSplit.split(new int[] {0, 0, 1, 1}, 2, 0.2, 0.1, 1));
        assertTrue(e.getMessage().contains("too few sequences to split"), e.getMessage());
    }
}
