package org.bertgeometry.geometry;

import java.util.Arrays;

/**
 * Which positions of an attention map hold special tokens: the [CLS] position (kept in the map but
 * left out of the offset statistics) and the [SEP]/[PAD] positions (removed before the statistics,
 * their mass recorded). This makes "include or exclude special and padding positions" an explicit
 * input of every analysis that cares; {@link #none()} treats every position as an ordinary token.
 *
 * @param cls     index of [CLS], or -1 for none
 * @param removed indices of [SEP]/[PAD] positions (sorted, distinct)
 */
public record SpecialPositions(int cls, int[] removed) {

    public SpecialPositions {
        if (cls < -1) {
            throw new IllegalArgumentException("[CLS] position must be >= 0 (or -1 for none), got " + cls);
        }
        removed = Arrays.stream(removed).sorted().distinct().toArray();
        for (int r : removed) {
            if (r < 0) {
                throw new IllegalArgumentException("special position must be >= 0, got " + r);
            }
            if (r == cls) {
                throw new IllegalArgumentException("position " + r + " cannot be both [CLS] and removed");
            }
        }
    }

    /** No special positions: every position is a token. */
    public static SpecialPositions none() {
        return new SpecialPositions(-1, new int[0]);
    }

    /** BERT layout of a map with {@code n} real positions: [CLS] at 0, [SEP] at n-1. */
    public static SpecialPositions bert(int n) {
        return new SpecialPositions(0, new int[] {n - 1});
    }

    /** BERT layout with padding: [CLS] at 0, [SEP] at {@code sep}, every position after it is padding. */
    public static SpecialPositions bertPadded(int sep, int n) {
        int[] r = new int[n - sep];
        for (int i = sep; i < n; i++) {
            r[i - sep] = i;
        }
        return new SpecialPositions(0, r);
    }

    /** Checks the positions against a map of size n. */
    public void requireFits(int n) {
        if (cls >= n) {
            throw new IllegalArgumentException("[CLS] position " + cls + " is outside a " + n + "x" + n + " map");
        }
        for (int r : removed) {
            if (r >= n) {
                throw new IllegalArgumentException("special position " + r + " is outside a " + n + "x" + n
                        + " map");
            }
        }
        if (removed.length >= n) {
            throw new IllegalArgumentException("every position of the " + n + "x" + n
                    + " map is marked special: nothing is left to analyse");
        }
    }

    boolean isRemoved(int i) {
        return Arrays.binarySearch(removed, i) >= 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpecialPositions s && s.cls == cls && Arrays.equals(s.removed, removed);
    }

    @Override
    public int hashCode() {
        return 31 * cls + Arrays.hashCode(removed);
    }

    @Override
    public String toString() {
        return "SpecialPositions[cls=" + cls + ", removed=" + Arrays.toString(removed) + "]";
    }
}
