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
    void heldOutSizeIsTheCeilingLikeScikitLearn() {
        assertEquals(9_881, StratifiedSplit.heldOutSize(0.2, 49_403)); // 9,880.6 -> 9,881
        assertEquals(3_162, StratifiedSplit.heldOutSize(0.08, 39_522)); // 3,161.76 -> 3,162
        assertEquals(2, StratifiedSplit.heldOutSize(0.2, 10));
    }
}
