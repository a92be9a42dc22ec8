package org.bertgeometry.training;

import java.util.List;
import org.bertgeometry.model.BertWeights;

/**
 * The outcome of a training run: the weights at the best validation score (the last epoch's when
 * there is no validation set), which epoch that was, and the per-epoch history.
 */
public record TrainingResult(BertWeights bestWeights, int bestEpoch, List<EpochReport> history, boolean stoppedEarly) {

    public TrainingResult {
        history = List.copyOf(history);
    }
}
