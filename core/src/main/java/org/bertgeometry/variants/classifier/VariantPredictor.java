package org.bertgeometry.variants.classifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bertgeometry.capture.CaptureSpec;
import org.bertgeometry.inference.BucketedRun;
import org.bertgeometry.inference.LoadedBert;
import org.bertgeometry.model.Logits;
import org.bertgeometry.tokenize.Encoding;

/**
 * Class probabilities for spike sequences from a trained variant classifier: tokenize with the
 * model's own k-mer tokenizer, run the encoder in batches of similar length ({@link BucketedRun}),
 * softmax the logits. Reports how many
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
        if (n == 0) {
            return new Predictions(probs, predicted, 0, new double[0][]);
        }
        if (cancelled.getAsBoolean()) {
            throw new java.util.concurrent.CancellationException("prediction cancelled");
        }
        double[][] features = new double[n][];
        List<Encoding> enc = new ArrayList<>();
        int[] lengths = new int[n];
        int truncated = 0;
        for (int i = 0; i < n; i++) {
            Encoding e = bert.tokenizer().encode(spikes.get(i));
            truncated += e.truncated() ? 1 : 0;
            enc.add(e);
            lengths[i] = e.realLength();
        }
        // one window over all sequences: results land by index, so any order of batches is fine
        BucketedRun run = new BucketedRun(bert.model(), batchSize, (n + batchSize - 1) / batchSize);
        run.run(lengths, indices -> bert.batch(Arrays.stream(indices).mapToObj(enc::get).toList()), CaptureSpec.none(),
                o -> {
                    probs[o.index()] = Logits.softmax(o.logits());
                    predicted[o.index()] = Logits.argmax(probs[o.index()]);
                    // the abstention rule's feature: the pooled [CLS] vector, or the raw one without a pooler
                    float[] f = o.pooled() != null ? o.pooled() : o.hidden()[0];
                    features[o.index()] = new double[f.length];
                    for (int j = 0; j < f.length; j++) {
                        features[o.index()][j] = f[j];
                    }
                }, done -> {
                    if (cancelled.getAsBoolean()) {
                        throw new java.util.concurrent.CancellationException("prediction cancelled");
                    }
                });
        return new Predictions(probs, predicted, truncated, features);
    }
}
