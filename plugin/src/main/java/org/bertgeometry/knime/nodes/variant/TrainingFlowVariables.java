package org.bertgeometry.knime.nodes.variant;

import org.bertgeometry.knime.nodes.FlowVariableValues;
import org.bertgeometry.training.EpochReport;
import org.bertgeometry.training.TrainingResult;

/**
 * What the Variant Classifier publishes as flow variables: the epoch whose weights were kept
 * (variant_best_epoch) and that epoch's validation accuracy and loss (variant_validation_accuracy, a fraction in
 * [0, 1], and variant_validation_loss, mean cross-entropy), the same numbers as the history row marked best.
 */
final class TrainingFlowVariables {

    private TrainingFlowVariables() {
    }

    static FlowVariableValues of(final TrainingResult training) {
        EpochReport best = training.history().stream().filter(r -> r.epoch() == training.bestEpoch()).findFirst()
            .orElseThrow(() -> new IllegalStateException("The training history has no row for the best epoch "
                + training.bestEpoch()));
        return new FlowVariableValues()
            .putInt("variant_best_epoch", best.epoch())
            .putDouble("variant_validation_accuracy", best.validationAccuracy())
            .putDouble("variant_validation_loss", best.validationLoss());
    }
}
