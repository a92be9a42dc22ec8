package org.bertgeometry.variants.classifier;

import java.util.ArrayList;
import java.util.List;
import org.bertgeometry.capture.CaptureSpec;
import org.bertgeometry.inference.LoadedBert;
import org.bertgeometry.model.ForwardResult;
import org.bertgeometry.model.Logits;
import org.bertgeometry.tokenize.Encoding;

/**
 * Class probabilities for spike sequences from a trained variant classifier: tokenize with the
 * model's own k-mer tokenizer, run the encoder in batches, softmax the logits. Reports how many
 * sequences were longer than the model's positions and therefore truncated.
 */
public final class VariantPredictor {

    private final LoadedBert bert;
    private final int batchSize;

    /**
     * @param bert      an opened classifier checkpoint (it must have a classification head)
     * @param batchSize sequences per forward pass
     */
    public VariantPredictor(LoadedBert bert, int batchSize) {
        if (!bert.model().hasClassifier()) {
            throw new IllegalArgumentException(bert.checkpoint().source() + " has no classification head; "
                    + "train one with 'bertgeo train' first");
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.bert = bert;
        this.batchSize = batchSize;
    }

    /**
     * Probabilities per sequence and class, the predicted class, the truncation count, and each sequence's
     * feature vector: the pooled [CLS] output the classifier reads (the last layer's [CLS] vector for a
     * model without a pooler), used to tell sequences unlike the training data (docs/methods.md,
     * "Calibration and abstention").
     */
    public record Predictions(double[][] probabilities, int[] predicted, int truncated, double[][] features) {

        /** The highest class probability of each sequence. */
        public double[] maxProbabilities() {
            double[] m = new double[probabilities.length];
            for (int i = 0; i < m.length; i++) {
                m[i] = probabilities[i][predicted[i]];
            }
            return m;
        }
    }

    /** Predicts every sequence of {@code spikes}; {@code cancelled} is polled once per batch. */
    public Predictions predict(List<String> spikes, java.util.function.BooleanSupplier cancelled) {
        int n = spikes.size();
        double[][] probs = new double[n][];
        int[] predicted = new int[n];
        double[][] features = new double[n][];
        int truncated = 0;
        for (int from = 0; from < n; from += batchSize) {
            if (cancelled.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException("prediction cancelled");
            }
            List<Encoding> enc = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + batchSize); i++) {
                Encoding e = bert.tokenizer().encode(spikes.get(i));
                truncated += e.truncated() ? 1 : 0;
                enc.add(e);
            }
            ForwardResult r = bert.model().forward(bert.batch(enc), CaptureSpec.none(), false);
            for (int b = 0; b < enc.size(); b++) {
                probs[from + b] = Logits.softmax(r.logits()[b]);
                predicted[from + b] = Logits.argmax(probs[from + b]);
                float[] f = r.pooled() != null ? r.pooled()[b] : r.lastHidden()[b][0];
                features[from + b] = new double[f.length];
                for (int j = 0; j < f.length; j++) {
                    features[from + b][j] = f[j];
                }
            }
        }
        return new Predictions(probs, predicted, truncated, features);
    }
}
