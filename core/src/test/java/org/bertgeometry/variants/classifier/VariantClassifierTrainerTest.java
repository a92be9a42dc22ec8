package org.bertgeometry.variants.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bertgeometry.checkpoint.HuggingFaceFolder;
import org.bertgeometry.inference.LoadedBert;
import org.bertgeometry.model.BertInit;
import org.bertgeometry.model.BertWeights;
import org.bertgeometry.model.HostTensor;
import org.bertgeometry.tokenize.TokenizerFactory;
import org.bertgeometry.training.TrainingMonitor;
import org.bertgeometry.training.TrainingSettings;
import org.bertgeometry.variants.VariantClass;
import org.bertgeometry.variants.simulation.ClassSizes;
import org.bertgeometry.variants.simulation.NoiseModel;
import org.bertgeometry.variants.simulation.SimulatedGenome;
import org.bertgeometry.variants.simulation.VariantSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariantClassifierTrainerTest {

    private static final List<String> NAMES = List.of("gh", "lambda", "mu", "alpha", "beta", "delta", "gamma",
            "omicron");

    private static LabelledSpikes simulate(int perClass, long seed) {
        List<SimulatedGenome> g = VariantSimulator.withDefaults().withNoise(NoiseModel.none())
                .simulateDataset(ClassSizes.balanced(perClass), seed);
        List<String> ids = new ArrayList<>();
        List<String> spikes = new ArrayList<>();
        int[] labels = new int[g.size()];
        for (int i = 0; i < g.size(); i++) {
            ids.add(g.get(i).id());
            spikes.add(g.get(i).spike());
            labels[i] = g.get(i).variantClass().label();
        }
        return new LabelledSpikes(ids, spikes, labels, NAMES);
    }

    @Test
    void trainedCheckpointSavesAndReloadsWithItsKmerTokenizer(@TempDir Path dir) throws Exception {
        LabelledSpikes train = simulate(3, 1);
        LabelledSpikes val = simulate(1, 2);
        TrainingSettings fast = VariantPreset.TINY.training().withEpochs(1);
        VariantClassifierTrainer.Outcome out = new VariantClassifierTrainer(fast)
                .trainFromScratch(train, val, VariantPreset.TINY, TrainingMonitor.silent());
        assertEquals("kmer", out.checkpoint().tokenizerConfig().get(TokenizerFactory.KIND));
        assertEquals(NAMES, out.checkpoint().config().labels());
        // the vocabulary holds the 5 specials plus only k-mers of the training split, first one the spike start
        assertEquals("atgtttgttttt", out.checkpoint().vocabulary().get(5));
        assertEquals(out.checkpoint().vocabulary().size(), out.checkpoint().config().vocabSize());
        HuggingFaceFolder.save(out.checkpoint(), dir);
        VariantPredictor.Predictions before;
        VariantPredictor.Predictions after;
        try (LoadedBert a = LoadedBert.open(out.checkpoint());
                LoadedBert b = LoadedBert.open(HuggingFaceFolder.load(dir))) {
            before = new VariantPredictor(a, 4).predict(val.spikes(), () -> false);
            after = new VariantPredictor(b, 4).predict(val.spikes(), () -> false);
        }
        assertArrayEquals(before.predicted(), after.predicted());
        for (int i = 0; i < val.size(); i++) {
            assertArrayEquals(before.probabilities()[i], after.probabilities()[i], 0.0);
            double sum = 0;
            for (double p : after.probabilities()[i]) {
                sum += p;
            }
            assertEquals(1.0, sum, 1e-9);
        }
    }

    @Test
    void augmentedTrainingIsReproducibleAndSeesOtherSequencesThanPlainTraining() {
        LabelledSpikes train = simulate(2, 4);
        LabelledSpikes val = simulate(1, 5);
        TrainingSettings fast = VariantPreset.TINY.training().withEpochs(2);
        VariantClassifierTrainer augmented = new VariantClassifierTrainer(fast)
                .withAugmentation(org.bertgeometry.variants.augmentation.AugmentationSettings.defaults());
        var a = augmented.trainFromScratch(train, val, VariantPreset.TINY, TrainingMonitor.silent());
        var b = augmented.trainFromScratch(train, val, VariantPreset.TINY, TrainingMonitor.silent());
        var plain = new VariantClassifierTrainer(fast).trainFromScratch(train, val, VariantPreset.TINY,
                TrainingMonitor.silent());
        for (int e = 0; e < 2; e++) {
            assertEquals(a.training().history().get(e).trainLoss(), b.training().history().get(e).trainLoss(), 0.0);
        }
        // same initialisation and order, so only the perturbed inputs can make the losses differ
        assertTrue(a.training().history().get(0).trainLoss() != plain.training().history().get(0).trainLoss());
        // the vocabulary comes from the unperturbed spikes either way
        assertEquals(plain.checkpoint().vocabulary(), a.checkpoint().vocabulary());
    }

    @Test
    void kmersOnlySeenOutsideTheTrainingSplitAreNotInTheVocabulary() {
        LabelledSpikes train = simulate(1, 3);
        String foreign = "acgtacgtacgtacgtacgtacgtacgt".repeat(20);
        LabelledSpikes val = new LabelledSpikes(List.of("x"), List.of(foreign), new int[] {0}, NAMES);
        VariantClassifierTrainer.Outcome out = new VariantClassifierTrainer(
                VariantPreset.TINY.training().withEpochs(1)).trainFromScratch(train, val, VariantPreset.TINY,
                TrainingMonitor.silent());
        assertFalse(out.checkpoint().vocabulary().contains("acgtacgtacgt"));
    }

    @Test
    void singleClassAndMissingClassesAreRefusedBeforeTraining() {
        LabelledSpikes one = new LabelledSpikes(List.of("a", "b"), List.of("acgtacgtacgtacgt", "acgtacgtacgtaaaa"),
                new int[] {3, 3}, NAMES);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                new VariantClassifierTrainer(VariantPreset.TINY.training()).trainFromScratch(one, one,
                        VariantPreset.TINY, TrainingMonitor.silent()));
        assertTrue(e.getMessage().contains("single class (alpha)"), e.getMessage());
        LabelledSpikes two = new LabelledSpikes(List.of("a", "b"), List.of("acgtacgtacgtacgt", "acgtacgtacgtaaaa"),
                new int[] {3, 4}, NAMES);
        e = assertThrows(IllegalArgumentException.class, () ->
                new VariantClassifierTrainer(VariantPreset.TINY.training()).trainFromScratch(two, two,
                        VariantPreset.TINY, TrainingMonitor.silent()));
        assertTrue(e.getMessage().contains("no training sequence for class(es) [gh, lambda, mu, delta, gamma, omicron]"),
                e.getMessage());
    }

    @Test
    void resizingTheVocabularyKeepsOldRowsAndAddsSmallNewOnes() {
        HostTensor emb = new HostTensor(new int[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6});
        BertWeights grown = BertInit.withResizedVocabulary(new BertWeights(java.util.Map.of(
                "embeddings.word_embeddings.weight", emb)), 5, 7);
        float[] d = grown.get("embeddings.word_embeddings.weight").data();
        assertEquals(15, d.length);
        assertArrayEquals(emb.data(), java.util.Arrays.copyOf(d, 6), 0f);
        for (int i = 6; i < 15; i++) {
            assertTrue(Math.abs(d[i]) < 0.2, "new row value " + d[i] + " should be N(0, 0.02) sized");
        }
        assertThrows(IllegalArgumentException.class, () -> BertInit.withResizedVocabulary(grown, 3, 1));
    }

    @Test
    void presetsParseByName() {
        assertEquals(VariantPreset.SMALL, VariantPreset.parse("small"));
        assertTrue(VariantPreset.BASE.needsBaseModel());
        assertEquals(12, VariantPreset.BASE.config(100, List.of("a", "b")).numHiddenLayers());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VariantPreset.parse("huge"));
        assertTrue(e.getMessage().contains("tiny, small or base"));
        assertEquals(8, VariantClass.values().length);
    }
}
