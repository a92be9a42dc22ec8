package org.bertgeometry.training;

/**
 * What one epoch achieved: mean training loss over its batches, and loss and accuracy on the
 * validation set (NaN when there is none).
 */
public record EpochReport(int epoch, double trainLoss, double validationLoss, double validationAccuracy,
        double learningRate, long millis) {
}
