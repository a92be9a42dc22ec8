package org.bertgeometry.variants.evaluation;

/** Sample indices of a train / validation / test partition, each array in ascending order. */
public record SplitIndices(int[] train, int[] validation, int[] test) {
}
