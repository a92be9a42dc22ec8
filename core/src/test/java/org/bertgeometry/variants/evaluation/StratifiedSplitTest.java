package org.bertgeometry.variants.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.bertgeometry.variants.VariantClass;
import org.junit.jupiter.api.Test;

class StratifiedSplitTest {

    private static int[] paperLabels() {
        return Arrays.stream(VariantClass.values())
                .flatMapToInt(c -> IntStream.generate(c::label).limit(c.paperCount())).toArray();
    }

    @Test
    void paperDatasetSplitsInto36360Train3162Validation9881Test() {
        // paper-methods §2.1 and §10 item 10: ceil(0.2 * 49,403) = 9,881; ceil(0.08 * 39,522) = 3,162
        int[] labels = paperLabels();
        assertEquals(49_403, labels.length);
        SplitIndices s = StratifiedSplit.split(labels, StratifiedSplit.PAPER_TEST_FRACTION,
                StratifiedSplit.PAPER_VALIDATION_FRACTION, StratifiedSplit.PAPER_SEED);
        assertEquals(36_360, s.train().length);
        assertEquals(3_162, s.validation().length);
        assertEquals(9_881, s.test().length);
    }

    @Test
    void perClassTestSizesMatchThePaperTable() {
        // paper-methods §2.1, column "test set": 24, 143, 506, 1,300, 1,803, 2,251, 1,526, 2,328
        int[] labels = paperLabels();
        SplitIndices s = StratifiedSplit.split(labels, 0.20, 0.08, 42);
        long[] perClass = new long[8];
        for (int i : s.test()) {
            perClass[labels[i]]++;
        }
        assertArrayEquals(new long[] {24, 143, 506, 1_300, 1_803, 2_251, 1_526, 2_328}, perClass);
    }

    @Test
    void partsAreDisjointCoverEverySampleAndDependOnlyOnTheSeed() {
        int[] labels = paperLabels();
        SplitIndices a = StratifiedSplit.split(labels, 0.20, 0.08, 7);
        SplitIndices b = StratifiedSplit.split(labels, 0.20, 0.08, 7);
        SplitIndices c = StratifiedSplit.split(labels, 0.20, 0.08, 8);
        assertArrayEquals(a.test(), b.test());
        assertArrayEquals(a.validation(), b.validation());
        assertFalse(Arrays.equals(a.test(), c.test()));
        int[] all = IntStream.concat(IntStream.concat(Arrays.stream(a.train()), Arrays.stream(a.validation())),
                Arrays.stream(a.test())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, labels.length).toArray(), all);
    }

    @Test
    void holdOutTakesTheCeilingOfTheFractionPerClassAndLeavesTheTestSetEmpty() {
        // 6 of class 0, 4 of class 1, fraction 0.3: ceil(3.0) = 3 held out; training keeps 7, allocated
        // floor(6/10*7) = 4 and floor(4/10*7) = 2 plus one leftover to the larger remainder (0.8 vs 0.2) -> 4 / 3;
        // the held-out 3 are what is left: 2 of class 0, 1 of class 1
        int[] labels = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1};
        SplitIndices s = StratifiedSplit.holdOut(labels, 0.3, 5);
        assertEquals(7, s.train().length);
        assertEquals(3, s.validation().length);
        assertEquals(0, s.test().length);
        assertEquals(2, Arrays.stream(s.validation()).filter(i -> labels[i] == 0).count());
        int[] all = IntStream.concat(Arrays.stream(s.train()), Arrays.stream(s.validation())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 10).toArray(), all);
    }

    @Test
    void heldOutSizeIsTheCeilingLikeScikitLearn() {
        assertEquals(9_881, StratifiedSplit.heldOutSize(0.2, 49_403)); // 9,880.6 -> 9,881
        assertEquals(3_162, StratifiedSplit.heldOutSize(0.08, 39_522)); // 3,161.76 -> 3,162
        assertEquals(2, StratifiedSplit.heldOutSize(0.2, 10));
    }
}
