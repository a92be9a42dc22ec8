package org.bertgeometry.knime.nodes.variant;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.bertgeometry.inference.LoadedBert;
import org.bertgeometry.knime.engine.DjlContext;
import org.bertgeometry.knime.picture.PictureSettings;
import org.bertgeometry.knime.picture.PictureSheet;
import org.bertgeometry.checkpoint.BertCheckpoint;
import org.bertgeometry.report.chart.ConfusionMatrixChart;
import org.bertgeometry.report.chart.LineChart;
import org.bertgeometry.training.EpochReport;
import org.bertgeometry.training.TrainingResult;
import org.bertgeometry.variants.classifier.LabelledSpikes;
import org.bertgeometry.variants.classifier.VariantPredictor;
import org.bertgeometry.variants.evaluation.ClassificationMetrics;
import org.knime.core.node.CanceledExecutionException;

/**
 * The Variant Classifier picture, as in the case-study report: the training curves (training loss, validation loss
 * and validation accuracy per epoch) beside the confusion matrix of the output model on the validation sequences
 * (rows: true class, columns: predicted class).
 */
final class TrainingPicture {

    static final String CURVES_TITLE = "Training curves";

    private TrainingPicture() {
    }

    /** counts[true][predicted] of {@code checkpoint} on {@code validation}, predicted in KNIME's DJL context. */
    static long[][] validationConfusion(final BertCheckpoint checkpoint, final LabelledSpikes validation,
        final BooleanSupplier cancelled) throws Exception {
        try {
            int[] predicted = DjlContext.call(() -> {
                try (LoadedBert bert = LoadedBert.open(checkpoint)) {
                    return new VariantPredictor(bert, 16).predict(validation.spikes(), cancelled).predicted();
                }
            });
            return ClassificationMetrics.compute(validation.labels(), predicted, validation.classNames().size())
                .confusion();
        } catch (CancellationException e) {
            throw new CanceledExecutionException("Canceled while drawing the validation confusion matrix");
        }
    }

    static BufferedImage draw(final TrainingResult training, final long[][] confusion, final List<String> classNames,
        final PictureSettings settings) {
        List<EpochReport> history = training.history();
        double[] trainLoss = history.stream().mapToDouble(EpochReport::trainLoss).toArray();
        double[] validationLoss = history.stream().mapToDouble(EpochReport::validationLoss).toArray();
        double[] validationAccuracy = history.stream().mapToDouble(EpochReport::validationAccuracy).toArray();
        int firstEpoch = history.isEmpty() ? 1 : history.get(0).epoch();
        BufferedImage curves = LineChart.render(List.of(
            LineChart.Series.indexed("training loss", trainLoss, firstEpoch),
            LineChart.Series.indexed("validation loss", validationLoss, firstEpoch),
            LineChart.Series.indexed("validation accuracy", validationAccuracy, firstEpoch)),
            settings.line().withTitle(CURVES_TITLE).withAxes("epoch", "value").withIntegerX(true));
        BufferedImage matrix = ConfusionMatrixChart.render(confusion, classNames,
            settings.confusion().withTitle("Validation confusion matrix (best epoch " + training.bestEpoch() + ")"));
        return PictureSheet.of(List.of(curves, matrix), 2);
    }
}
