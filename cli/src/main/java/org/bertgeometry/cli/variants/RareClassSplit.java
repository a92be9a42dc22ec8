package org.bertgeometry.cli.variants;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bertgeometry.variants.evaluation.SplitIndices;
import org.bertgeometry.variants.evaluation.StratifiedSplit;

/**
 * The paper's stratified train / validation / test split ({@link StratifiedSplit}) made safe for classes
 * too small to be stratified: a class with fewer than {@link #MIN_TO_STRATIFY} sequences cannot be
 * guaranteed a member in the held-out sets (scikit-learn and {@code StratifiedSplit} refuse a class of
 * one), so all its sequences go to training and the caller warns that the class is not tested.
 * The other classes are split exactly as {@code StratifiedSplit} does on them alone.
 */
final class RareClassSplit {

    /**
     * Fewest sequences a class needs to take part in the two-step split: with 3, the first step leaves
     * at least 2 for the second, which never meets a class of one; with 2, it may leave 1.
     */
    static final int MIN_TO_STRATIFY = 3;

    /** The split plus the classes kept entirely in training. */
    record Result(SplitIndices split, List<Integer> trainOnlyClasses) {
    }

    private RareClassSplit() {
    }

    static Result split(int[] labels, int numClasses, double testFraction, double validationFraction, long seed) {
        int[] counts = new int[numClasses];
        for (int l : labels) {
            counts[l]++;
        }
        List<Integer> rare = new ArrayList<>();
        for (int c = 0; c < numClasses; c++) {
            if (counts[c] > 0 && counts[c] < MIN_TO_STRATIFY) {
                rare.add(c);
            }
        }
        int[] eligible = new int[labels.length];
        int[] forced = new int[labels.length];
        int ne = 0;
        int nf = 0;
        for (int i = 0; i < labels.length; i++) {
            if (counts[labels[i]] < MIN_TO_STRATIFY) {
                forced[nf++] = i;
            } else {
                eligible[ne++] = i;
            }
        }
        if (ne < 3) {
            throw new IllegalArgumentException("too few sequences to split: " + ne + " belong to classes with at least "
                    + MIN_TO_STRATIFY + " sequences; training, validation and test each need some. Add sequences.");
        }
        int[] sub = new int[ne];
        for (int i = 0; i < ne; i++) {
            sub[i] = labels[eligible[i]];
        }
        SplitIndices s = StratifiedSplit.split(sub, testFraction, validationFraction, seed);
        int[] train = new int[s.train().length + nf];
        for (int i = 0; i < s.train().length; i++) {
            train[i] = eligible[s.train()[i]];
        }
        System.arraycopy(forced, 0, train, s.train().length, nf);
        Arrays.sort(train);
        return new Result(new SplitIndices(train, map(s.validation(), eligible), map(s.test(), eligible)),
                List.copyOf(rare));
    }

    private static int[] map(int[] idx, int[] eligible) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = eligible[idx[i]];
        }
        return out;
    }
}
