package org.bertgeometry.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.bertgeometry.capture.CaptureSpec;
import org.bertgeometry.model.BatchInput;
import org.bertgeometry.model.BertModel;
import org.bertgeometry.model.BertWeights;
import org.bertgeometry.model.ForwardResult;
import org.bertgeometry.model.GradMode;
import org.bertgeometry.model.Logits;

/**
 * Fine-tunes (or trains from scratch) a {@link BertModel} with a sequence-classification head the
 * way the paper did (paper-methods 4.2; docs/methods.md, "Training"): mean cross-entropy over each
 * batch, AdamW with decoupled weight decay on every parameter, a linear warm-up/decay schedule stepped
 * once per batch, clipping at a global gradient norm, dropout on. After every epoch it evaluates on the
 * validation set and keeps a copy of the weights with the best validation accuracy (lowest loss
 * breaks ties); optional early stopping ends the run after a number of epochs without improvement.
 *
 * <p>Reproducibility: shuffling uses {@code java.util.Random(seed + epoch)} and PyTorch's generator
 * (dropout) is seeded with {@code seed}, so the same seed, data and thread count give the same
 * weights. Progress is reported and cancellation polled once per batch.
 */
public final class ClassifierTrainer {

    private final TrainingSettings settings;
    private final int padId;

    /**
     * @param settings how to train
     * @param padId    the [PAD] token id used to pad batches
     */
    public ClassifierTrainer(TrainingSettings settings, int padId) {
        this.settings = settings;
        this.padId = padId;
    }

    /**
     * Trains {@code model} in place on {@code train}; {@code validation} may be empty. The model ends
     * in the state of the last epoch; {@link TrainingResult#bestWeights()} holds the best one.
     *
     * @throws TrainingCancelledException when the monitor cancels
     * @throws IllegalStateException      when the loss becomes non-finite (lower the learning rate)
     */
    public TrainingResult train(BertModel model, LabelledSequences train, LabelledSequences validation,
            TrainingMonitor monitor) {
        return train(model, epoch -> train, validation, monitor);
    }

    /**
     * Like {@link #train(BertModel, LabelledSequences, LabelledSequences, TrainingMonitor)}, but the
     * training set of each epoch (1-based) comes from {@code trainingEpoch}, so that a caller can
     * augment the sequences afresh every epoch; every epoch must hold the same number of sequences.
     */
    public TrainingResult train(BertModel model, IntFunction<LabelledSequences> trainingEpoch,
            LabelledSequences validation, TrainingMonitor monitor) {
        // grad mode is per thread: off for the whole run, on only inside each step's GradientCollector
        try (GradMode off = GradMode.off()) {
            return trainWithoutGradMode(model, trainingEpoch, validation, monitor);
        }
    }

    private TrainingResult trainWithoutGradMode(BertModel model, IntFunction<LabelledSequences> trainingEpoch,
            LabelledSequences validation, TrainingMonitor monitor) {
        LabelledSequences train = trainingEpoch.apply(1);
        if (!model.hasClassifier()) {
            throw new IllegalArgumentException("the model has no classification head; give its config labels");
        }
        if (train.size() == 0) {
            throw new IllegalArgumentException("the training set is empty");
        }
        int numLabels = model.config().numLabels();
        checkLabels(train, numLabels, "training");
        checkLabels(validation, numLabels, "validation");

        int firstSize = train.size();
        int stepsPerEpoch = (train.size() + settings.batchSize() - 1) / settings.batchSize();
        int totalSteps = stepsPerEpoch * settings.epochs();
        LinearWarmupDecay schedule = LinearWarmupDecay.withWarmupFraction(settings.optimizer().learningRate(),
                totalSteps, settings.warmupFraction());
        Collection<NDArray> params = model.parameters().values();
        Engine.getEngine("PyTorch").setRandomSeed((int) settings.seed());
        AdamW optimizer = new AdamW(settings.optimizer());
        List<EpochReport> history = new ArrayList<>();
        BertWeights best = null;
        int bestEpoch = -1;
        double bestAccuracy = Double.NEGATIVE_INFINITY;
        double bestLoss = Double.POSITIVE_INFINITY;
        int sinceBest = 0;
        boolean stoppedEarly = false;
        int step = 0;
        for (NDArray p : params) {
            p.setRequiresGradient(true);
        }
        try {
            for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                long started = System.currentTimeMillis();
                if (epoch > 1) {
                    train = trainingEpoch.apply(epoch);
                    if (train.size() != firstSize) {
                        throw new IllegalArgumentException("epoch " + epoch + " has " + train.size()
                                + " training sequences, the first had " + firstSize + "; they must not change");
                    }
                    checkLabels(train, numLabels, "training");
                }
                int[] order = shuffled(train.size(), new Random(settings.seed() + epoch));
                double lossSum = 0;
                int batches = 0;
                double lr = 0;
                for (int from = 0; from < order.length; from += settings.batchSize()) {
                    if (monitor.isCancelled()) {
                        throw new TrainingCancelledException("training cancelled in epoch " + epoch);
                    }
                    int to = Math.min(order.length, from + settings.batchSize());
                    BatchInput batch = batchOf(train, order, from, to);
                    lr = schedule.rate(step);
                    double loss = trainStep(model, batch, numLabels);
                    if (!Double.isFinite(loss)) {
                        throw new IllegalStateException("training loss became " + loss + " at epoch " + epoch
                                + ", step " + (step + 1) + "; lower the learning rate");
                    }
                    if (settings.maxGradNorm() > 0) {
                        GradientClipping.clipGlobalNorm(params, settings.maxGradNorm());
                    }
                    optimizer.step(model.parameters(), lr);
                    GradientClipping.zeroGradients(params);
                    step++;
                    lossSum += loss;
                    batches++;
                    monitor.progress((double) step / totalSteps, String.format(
                            "epoch %d/%d, batch %d/%d, loss %.4f", epoch, settings.epochs(), batches, stepsPerEpoch, loss));
                }
                Evaluation val = validation.size() == 0 ? null : evaluate(model, validation, settings.evalBatchSize(), padId);
                EpochReport report = new EpochReport(epoch, lossSum / batches,
                        val == null ? Double.NaN : val.meanLoss(), val == null ? Double.NaN : val.accuracy(), lr,
                        System.currentTimeMillis() - started);
                history.add(report);
                monitor.epochFinished(report);
                boolean better = val == null || val.accuracy() > bestAccuracy
                        || (val.accuracy() == bestAccuracy && val.meanLoss() < bestLoss);
                if (better) {
                    best = model.toWeights();
                    bestEpoch = epoch;
                    if (val != null) {
                        bestAccuracy = val.accuracy();
                        bestLoss = val.meanLoss();
                    }
                    sinceBest = 0;
                } else if (++sinceBest >= settings.earlyStoppingPatience() && settings.earlyStoppingPatience() > 0) {
                    stoppedEarly = epoch < settings.epochs();
                    break;
                }
            }
        } finally {
            optimizer.close();
            for (NDArray p : params) {
                p.setRequiresGradient(false);
            }
        }
        return new TrainingResult(best, bestEpoch, history, stoppedEarly);
    }

    /**
     * One forward/backward pass; returns the batch's mean cross-entropy. Synchronized on the class because DJL
     * allows one collecting GradientCollector per JVM: two trainings running at once (two KNIME nodes) take turns
     * per step instead of failing with "A PtGradientCollector is already collecting".
     */
    private static synchronized double trainStep(BertModel model, BatchInput batch, int numLabels) {
        try (NDManager scope = NDManager.newBaseManager("PyTorch");
                GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
            NDArray logits = model.forwardTensors(scope, batch, true).logits();        // (B, labels)
            NDArray target = scope.create(batch.labels()).oneHot(numLabels);           // (B, labels)
            NDArray loss = logits.logSoftmax(1).mul(target).sum(new int[] {1}).neg().mean(); // ()
            collector.backward(loss);
            return loss.getFloat();
        }
    }

    /** Mean cross-entropy and accuracy of {@code model} on {@code data}, without dropout or gradients. */
    public static Evaluation evaluate(BertModel model, LabelledSequences data, int batchSize, int padId) {
        int[] order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        double lossSum = 0;
        int correct = 0;
        int[] predictions = new int[data.size()];
        for (int from = 0; from < order.length; from += batchSize) {
            int to = Math.min(order.length, from + batchSize);
            ForwardResult r = model.forward(batchOf(data, order, from, to, padId), CaptureSpec.none(), false);
            float[][] logits = r.logits();
            for (int i = 0; i < logits.length; i++) {
                int label = data.label(from + i);
                lossSum += -Logits.logSoftmax(logits[i])[label];
                int predicted = Logits.argmax(logits[i]);
                predictions[from + i] = predicted;
                if (predicted == label) {
                    correct++;
                }
            }
        }
        return new Evaluation(lossSum / data.size(), (double) correct / data.size(), predictions);
    }

    /** Loss, accuracy and predicted class per sequence. */
    public record Evaluation(double meanLoss, double accuracy, int[] predictions) {
    }

    private BatchInput batchOf(LabelledSequences data, int[] order, int from, int to) {
        return batchOf(data, order, from, to, padId);
    }

    private static BatchInput batchOf(LabelledSequences data, int[] order, int from, int to, int padId) {
        List<int[]> seqs = new ArrayList<>(to - from);
        int[] labels = new int[to - from];
        for (int i = from; i < to; i++) {
            seqs.add(data.sequences().get(order[i]));
            labels[i - from] = data.label(order[i]);
        }
        return BatchInput.padded(seqs, padId, labels);
    }

    private static void checkLabels(LabelledSequences data, int numLabels, String what) {
        for (int i = 0; i < data.size(); i++) {
            if (data.label(i) < 0 || data.label(i) >= numLabels) {
                throw new IllegalArgumentException(what + " label " + data.label(i) + " of sequence " + i
                        + " is outside the model's " + numLabels + " classes");
            }
        }
    }

    private static int[] shuffled(int n, Random random) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
