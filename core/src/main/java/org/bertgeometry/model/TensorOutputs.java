package org.bertgeometry.model;

import ai.djl.ndarray.NDArray;

/**
 * The outputs of a forward pass as native arrays attached to the caller's manager, with the autograd
 * graph intact when the pass ran inside a {@code GradientCollector}: what a trainer computes its loss
 * from. The caller closes them (closing its manager is enough).
 *
 * @param lastHidden {@code (B, T, hidden)}
 * @param pooled     {@code (B, hidden)}, or {@code null} without a pooler
 * @param logits     {@code (B, labels)}, or {@code null} without a classifier
 */
public record TensorOutputs(NDArray lastHidden, NDArray pooled, NDArray logits) {
}
