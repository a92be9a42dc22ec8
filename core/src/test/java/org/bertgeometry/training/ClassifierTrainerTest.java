package org.bertgeometry.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.bertgeometry.model.Activation;
import org.bertgeometry.model.BertConfig;
import org.bertgeometry.model.BertModel;
import org.junit.jupiter.api.Test;

class ClassifierTrainerTest {

    private static final int PAD = 0;
    private static final int CLS = 1;
    private static final int SEP = 2;

    /** 2 layers, hidden 16, 2 heads: trains in about a second. */
    private static BertConfig tinyConfig() {
        return new BertConfig(24, 16, 2, 2, 32, Activation.GELU, 16, 2, 1e-12, 0.1, 0.1, List.of("low", "high"));
    }

    /**
     * A separable toy task: class 0 sequences draw their tokens from ids 4..11, class 1 from 12..19,
     * lengths 3..8, so one embedding direction suffices to tell them apart.
     */
    private static LabelledSequences toyData(int n, long seed) {
        Random r = new Random(seed);
        List<int[]> seqs = new ArrayList<>();
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int label = i % 2;
            int len = 3 + r.nextInt(6);
            int[] s = new int[len + 2];
            s[0] = CLS;
            for (int j = 1; j <= len; j++) {
                s[j] = 4 + 8 * label + r.nextInt(8);
            }
            s[len + 1] = SEP;
            seqs.add(s);
            labels[i] = label;
        }
        return new LabelledSequences(seqs, labels);
    }

    private static TrainingSettings fast() {
        return TrainingSettings.paperDefaults().withEpochs(4).withBatchSize(8).withLearningRate(3e-3).withSeed(7);
    }

    @Test
    void tinyModelLearnsASeparableToyTask() {
        try (BertModel model = BertModel.random(tinyConfig(), 1, false)) {
            LabelledSequences train = toyData(96, 11);
            LabelledSequences val = toyData(40, 12);
            double before = ClassifierTrainer.evaluate(model, val, 16, PAD).accuracy();
            TrainingResult result = new ClassifierTrainer(fast(), PAD).train(model, train, val, TrainingMonitor.silent());
            assertEquals(4, result.history().size());
            double finalAccuracy = result.history().get(3).validationAccuracy();
            assertTrue(finalAccuracy >= 0.95, "validation accuracy " + finalAccuracy + " (before training " + before + ")");
            assertTrue(result.history().get(3).trainLoss() < result.history().get(0).trainLoss(),
                    "training loss should fall: " + result.history());
        }
    }

    /**
     * PyTorch's grad mode is per thread and on by default; DJL switches it off only on the thread that loads the
     * engine. KNIME runs nodes on worker threads that never loaded it, where the optimiser's in-place update of
     * the weights failed ("a leaf Variable that requires grad is being used in an in-place operation").
     */
    @Test
    void trainsAndPredictsOnAThreadThatDidNotLoadTheEngine() throws Exception {
        ai.djl.engine.Engine.getEngine("PyTorch"); // loaded (if not yet) on this thread, not on the worker
        LabelledSequences train = toyData(16, 3);
        java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            TrainingResult r = worker.submit(() -> {
                try (BertModel m = BertModel.random(tinyConfig(), 5, false)) {
                    TrainingResult result = new ClassifierTrainer(fast().withEpochs(1), PAD).train(m, train,
                            new LabelledSequences(List.of(), new int[0]), TrainingMonitor.silent());
                    ClassifierTrainer.evaluate(m, train, 8, PAD);
                    return result;
                }
            }).get();
            assertEquals(1, r.history().size());
            assertTrue(Double.isFinite(r.history().get(0).trainLoss()), r.history().toString());
        } finally {
            worker.shutdown();
        }
    }

    @Test
    void sameSeedGivesIdenticalWeights() {
        LabelledSequences train = toyData(32, 3);
        LabelledSequences none = new LabelledSequences(List.of(), new int[0]);
        TrainingSettings s = fast().withEpochs(1);
        float[] a;
        float[] b;
        try (BertModel m = BertModel.random(tinyConfig(), 5, false)) {
            a = new ClassifierTrainer(s, PAD).train(m, train, none, TrainingMonitor.silent())
                    .bestWeights().get("classifier.weight").data();
        }
        try (BertModel m = BertModel.random(tinyConfig(), 5, false)) {
            b = new ClassifierTrainer(s, PAD).train(m, train, none, TrainingMonitor.silent())
                    .bestWeights().get("classifier.weight").data();
        }
        assertArrayEquals(a, b);
    }

    @Test
    void cancellationStopsWithinOneBatch() {
        AtomicInteger batches = new AtomicInteger();
        TrainingMonitor cancelAfterTwo = new TrainingMonitor() {
            @Override
            public void progress(double fraction, String message) {
                batches.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return batches.get() >= 2;
            }
        };
        try (BertModel model = BertModel.random(tinyConfig(), 1, false)) {
            assertThrows(TrainingCancelledException.class, () -> new ClassifierTrainer(fast(), PAD)
                    .train(model, toyData(64, 1), toyData(8, 2), cancelAfterTwo));
            assertEquals(2, batches.get());
        }
    }

    @Test
    void labelsOutsideTheModelsClassesAreRejectedBeforeTraining() {
        LabelledSequences bad = new LabelledSequences(List.of(new int[] {CLS, 5, SEP}), new int[] {2});
        try (BertModel model = BertModel.random(tinyConfig(), 1, false)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                    new ClassifierTrainer(fast(), PAD).train(model, bad, bad, TrainingMonitor.silent()));
            assertTrue(e.getMessage().contains("outside the model's 2 classes"), e.getMessage());
        }
    }

    /**
     * Autograd keeps the constants of a forward pass (the attention's 1/sqrt(head size)) for the backward pass.
     * Made from a Java number, such a constant lived in a Java buffer that a garbage collection could free
     * before backward read it: with a collector running every few milliseconds, 13 of 15 such trainings ended
     * in a NaN loss before the constants were made by PyTorch ({@code Ops.scalar}). Small batches and two epochs
     * give many backward passes.
     */
    @Test
    void trainingStaysFiniteWhileTheGarbageCollectorRuns() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread collector = new Thread(() -> {
            while (!stop.get()) {
                System.gc();
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        collector.start();
        try {
            for (int run = 0; run < 6; run++) {
                try (BertModel model = BertModel.random(tinyConfig(), 1, false)) {
                    TrainingResult result = new ClassifierTrainer(fast().withEpochs(2).withBatchSize(2), PAD)
                            .train(model, toyData(24, 11), toyData(8, 12), TrainingMonitor.silent());
                    for (EpochReport e : result.history()) {
                        assertTrue(Double.isFinite(e.trainLoss()), "run " + run + ": " + result.history());
                    }
                }
            }
        } finally {
            stop.set(true);
            collector.join();
        }
    }
}
