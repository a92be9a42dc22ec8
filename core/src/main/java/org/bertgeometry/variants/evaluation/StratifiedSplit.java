package org.bertgeometry.variants.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The paper's two-step stratified split (paper-methods §2.1): first {@code testFraction} of all
 * samples go to the test set, then {@code validationFraction} of the remainder to the validation set;
 * each step takes ceil(fraction x n) samples, as scikit-learn's {@code train_test_split} does, so the
 * paper's 49,403 genomes with 0.20 and 0.08 give exactly 36,360 / 3,162 / 9,881.
 *
 * <p>Per-class counts follow scikit-learn's StratifiedShuffleSplit allocation ("approximate mode":
 * floor of each class's share of the train size, leftovers to the largest remainders, then the test
 * size is allocated over what is left), so class sizes per split match the paper's; ties between equal
 * remainders and the choice of members are drawn from a seeded {@link SplittableRandom}, so the
 * partition itself differs from sklearn's (which uses numpy's MT19937 stream) but is reproducible.
 */
public final class StratifiedSplit {

    /** The paper's fractions and seed. */
    public static final double PAPER_TEST_FRACTION = 0.20;
    public static final double PAPER_VALIDATION_FRACTION = 0.08;
    public static final long PAPER_SEED = 42;

    private StratifiedSplit() {
    }

    /** Splits samples labelled {@code labels} (labels >= 0) into train / validation / test. */
    public static SplitIndices split(int[] labels, double testFraction, double validationFraction, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] all = new int[labels.length];
        Arrays.setAll(all, i -> i);
        int[][] first = splitOnce(all, labels, testFraction, rng);
        int[][] second = splitOnce(first[0], labels, validationFraction, rng);
        return new SplitIndices(sorted(second[0]), sorted(second[1]), sorted(first[1]));
    }

    /**
     * One stratified hold-out step: ceil({@code fraction} x n) samples, allocated over classes as in
     * {@link #split}, go to the validation set, the rest to training; the test set is empty. For callers
     * that already have a separate test set (or none), such as the KNIME Variant Classifier node.
     */
    public static SplitIndices holdOut(int[] labels, double fraction, long seed) {
        int[] all = new int[labels.length];
        Arrays.setAll(all, i -> i);
        int[][] parts = splitOnce(all, labels, fraction, new SplittableRandom(seed));
        return new SplitIndices(sorted(parts[0]), sorted(parts[1]), new int[0]);
    }

    /** Number of samples a fraction takes out of n, as sklearn computes it: ceil(fraction * n). */
    public static int heldOutSize(double fraction, int n) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("split fraction must be in (0, 1), got " + fraction);
        }
        return (int) Math.ceil(fraction * n);
    }

    /** Returns {kept, heldOut} of {@code members}. */
    private static int[][] splitOnce(int[] members, int[] labels, double fraction, SplittableRandom rng) {
        int n = members.length;
        int nHeld = heldOutSize(fraction, n);
        int nKept = n - nHeld;
        int numClasses = 0;
        for (int i : members) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("sample " + i + " has negative label " + labels[i]);
            }
            numClasses = Math.max(numClasses, labels[i] + 1);
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < numClasses; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i : members) {
            byClass.get(labels[i]).add(i);
        }
        long[] counts = new long[numClasses];
        for (int c = 0; c < numClasses; c++) {
            counts[c] = byClass.get(c).size();
            if (counts[c] == 1) {
                throw new IllegalArgumentException("class " + c + " has a single sample; a stratified split needs at"
                        + " least 2 per class (as scikit-learn requires)");
            }
        }
        long[] keptPerClass = approximateMode(counts, nKept, rng);
        long[] rest = new long[numClasses];
        for (int c = 0; c < numClasses; c++) {
            rest[c] = counts[c] - keptPerClass[c];
        }
        long[] heldPerClass = approximateMode(rest, nHeld, rng);
        int[] kept = new int[nKept];
        int[] held = new int[nHeld];
        int k = 0;
        int h = 0;
        for (int c = 0; c < numClasses; c++) {
            List<Integer> idx = byClass.get(c);
            int[] perm = idx.stream().mapToInt(Integer::intValue).toArray();
            shuffle(perm, rng);
            for (int j = 0; j < keptPerClass[c]; j++) {
                kept[k++] = perm[j];
            }
            for (int j = 0; j < heldPerClass[c]; j++) {
                held[h++] = perm[(int) keptPerClass[c] + j];
            }
        }
        return new int[][] {kept, held};
    }

    /**
     * sklearn's {@code _approximate_mode}: floor(count / total * draws) per class, then one more for the
     * classes with the largest remainders (ties in random order) until the sizes add up to draws.
     */
    static long[] approximateMode(long[] counts, int draws, SplittableRandom rng) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        int k = counts.length;
        long[] out = new long[k];
        double[] remainder = new double[k];
        long assigned = 0;
        for (int c = 0; c < k; c++) {
            double continuous = counts[c] / (double) total * draws;
            out[c] = (long) Math.floor(continuous);
            remainder[c] = continuous - out[c];
            assigned += out[c];
        }
        long need = draws - assigned;
        Integer[] order = new Integer[k];
        for (int c = 0; c < k; c++) {
            order[c] = c;
        }
        // random tie order first, then a stable sort by remainder, descending
        for (int i = k - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            Integer t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        Arrays.sort(order, (a, b) -> Double.compare(remainder[b], remainder[a]));
        for (int i = 0; i < k && need > 0; i++) {
            out[order[i]]++;
            need--;
        }
        return out;
    }

    private static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static int[] sorted(int[] a) {
        int[] c = a.clone();
        Arrays.sort(c);
        return c;
    }
}
