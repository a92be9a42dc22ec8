package org.bertgeometry.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bertgeometry.capture.ClassMeanAttentionSink;
import org.bertgeometry.geometry.GateClassifier;
import org.bertgeometry.inference.LoadedBert;
import org.bertgeometry.tokenize.Encoding;
import org.bertgeometry.training.TrainingMonitor;
import org.bertgeometry.variants.classifier.LabelledSpikes;
import org.bertgeometry.variants.classifier.VariantClassifierTrainer;
import org.bertgeometry.variants.classifier.VariantPreset;
import org.bertgeometry.variants.simulation.ClassSizes;
import org.bertgeometry.variants.simulation.NoiseModel;
import org.bertgeometry.variants.simulation.SimulatedGenome;
import org.bertgeometry.variants.simulation.VariantSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The geometry capture of a data set split into parts, each part run separately through the real
 * engine (a tiny trained classifier on simulated spikes), merges into exactly the capture of one pass:
 * the same snapshot bytes and the same results, whatever the number of parts and the merge order.
 */
class GeometryCaptureMergeTest {

    static final List<String> NAMES = List.of("gh", "lambda", "mu", "alpha", "beta", "delta", "gamma", "omicron");
    static final int BATCH = 2;

    static LoadedBert bert;
    static List<int[]> sequences = new ArrayList<>();
    static int[] labels;
    static GeometryRunSettings settings;

    static LabelledSpikes simulate(int perClass, long seed) {
        List<SimulatedGenome> g = VariantSimulator.withDefaults().withNoise(NoiseModel.none())
                .simulateDataset(ClassSizes.balanced(perClass), seed);
        int[] y = new int[g.size()];
        List<String> ids = new ArrayList<>();
        List<String> spikes = new ArrayList<>();
        for (int i = 0; i < g.size(); i++) {
            ids.add(g.get(i).id());
            spikes.add(g.get(i).spike());
            y[i] = g.get(i).variantClass().label();
        }
        return new LabelledSpikes(ids, spikes, y, NAMES);
    }

    @BeforeAll
    static void trainAndEncode() {
        LabelledSpikes train = simulate(2, 1);
        VariantClassifierTrainer.Outcome out = new VariantClassifierTrainer(VariantPreset.TINY.training().withEpochs(1))
                .trainFromScratch(train, simulate(1, 2), VariantPreset.TINY, TrainingMonitor.silent());
        bert = LoadedBert.open(out.checkpoint());
        LabelledSpikes data = simulate(3, 3);
        labels = data.labels();
        for (String s : data.spikes()) {
            Encoding e = bert.tokenizer().encode(s);
            // the first 30 tokens and [SEP]: short maps keep the snapshots small; merging does not care
            int[] ids = Arrays.copyOf(e.ids(), 31);
            ids[30] = bert.tokenizer().vocabulary().sepId();
            sequences.add(ids);
        }
        // every labelled sample counts, so that an untrained-looking model still fills every class
        settings = new GeometryRunSettings(BATCH, 0.3, 0.9, false, 2);
    }

    @AfterAll
    static void close() {
        bert.close();
    }

    static int mapSize() {
        return sequences.stream().mapToInt(s -> s.length).max().orElseThrow();
    }

    /**
     * Captures units of work [fromUnit, toUnit) of the data set into a fresh capture: a unit is the
     * sequences whose batches are planned together (batch size x bucketing window), the granularity
     * at which a split keeps every batch of one pass.
     */
    static GeometryCapture part(int fromUnit, int toUnit) {
        GeometryCapture c = AttentionGeometryRun.newCapture(bert, NAMES.size(), mapSize(), settings);
        int unit = AttentionGeometryRun.unitOfWork(settings);
        int from = Math.min(sequences.size(), fromUnit * unit);
        int to = Math.min(sequences.size(), toUnit * unit);
        AttentionGeometryRun.captureBatches(bert, sequences.subList(from, to), Arrays.copyOfRange(labels, from, to),
                from, c, f -> { }, () -> false);
        return c;
    }

    @Test
    void partsRunSeparatelyMergeIntoExactlyTheOnePassCapture() {
        GeometryCapture one = AttentionGeometryRun.runCapture(bert, sequences, labels, NAMES, settings, f -> { },
                () -> false);
        byte[] expected = one.snapshot();
        assertEquals(sequences.size(), one.samples());
        int unit = AttentionGeometryRun.unitOfWork(settings);
        int batches = (sequences.size() + unit - 1) / unit;
        assertTrue(batches >= 3, "the data set must span several units of work, got " + batches);
        for (int parts : new int[] {1, 3, 7}) {
            List<GeometryCapture> states = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                states.add(part(batches * p / parts, batches * (p + 1) / parts));
            }
            states.add(part(batches, batches));                 // an empty partition
            GeometryCapture forward = AttentionGeometryRun.newCapture(bert, NAMES.size(), mapSize(), settings);
            states.forEach(forward::merge);
            assertArrayEquals(expected, forward.snapshot(), parts + " parts in order");
            GeometryCapture backward = GeometryCapture.fromSnapshot(states.get(states.size() - 1).snapshot());
            for (int p = states.size() - 2; p >= 0; p--) {
                backward.merge(GeometryCapture.fromSnapshot(states.get(p).snapshot()));
            }
            assertArrayEquals(expected, backward.snapshot(), parts + " parts in reverse, through snapshots");
        }
    }

    @Test
    void resultsOfTheMergedCaptureEqualTheOnePassResults() {
        GeometryResults one = AttentionGeometryRun.run(bert, sequences, labels, NAMES, settings, f -> { }, () -> false);
        GeometryCapture merged = part(0, 1);
        merged.merge(part(2, 100));
        merged.merge(part(1, 2));
        GeometryResults split = AttentionGeometryRun.results(bert, NAMES, merged);
        assertArrayEquals(one.samplesPerClass(), split.samplesPerClass());
        assertArrayEquals(one.cropPerClass(), split.cropPerClass());
        assertTrue(Arrays.deepEquals(one.k90MeanOfMedians(), split.k90MeanOfMedians()));
        assertTrue(Arrays.deepEquals(one.rowConeMean(), split.rowConeMean()));
        assertArrayEquals(one.tokenConeByLayer(), split.tokenConeByLayer());
        assertTrue(Arrays.deepEquals(one.clsConeByClass(), split.clsConeByClass()));
        for (int c = 0; c < NAMES.size(); c++) {
            assertTrue(one.samplesPerClass()[c] > 0, "class " + c + " has samples");
            assertTrue(Arrays.deepEquals(one.classMean(c, 0, 1), split.classMean(c, 0, 1)));
            assertEquals(one.gates()[c][0][1], split.gates()[c][0][1]);
        }
        assertEquals(one.clsVectors().keySet(), split.clsVectors().keySet());
        assertArrayEquals(one.clsVectors().get(0).labels(), split.clsVectors().get(0).labels());
        // the confusion counts add up to the data set
        int[][] yp = merged.labelsAndPredictions();
        assertEquals(sequences.size(), yp[0].length);
    }

    @Test
    void headBlocksReducedApartGiveTheOnePassGatesAndMaps() {
        GeometryResults one = AttentionGeometryRun.run(bert, sequences, labels, NAMES, settings, f -> { }, () -> false);
        List<GeometryCapture> parts = List.of(part(0, 1), part(2, 100), part(1, 2), part(100, 100));
        int layers = bert.checkpoint().config().numHiddenLayers();
        int heads = bert.checkpoint().config().numAttentionHeads();
        // the rest: every part's capture without class-mean sums, each merged once (the empty part last)
        GeometryCapture rest = GeometryCapture.fromSnapshot(parts.get(0).snapshotWithoutClassMeanMaps());
        for (int p = 1; p < parts.size(); p++) {
            rest.merge(GeometryCapture.fromSnapshot(parts.get(p).snapshotWithoutClassMeanMaps()));
        }
        int[] crop = rest.cropPerClass();
        GateClassifier.Classification[][][] gates = new GateClassifier.Classification[NAMES.size()][layers][heads];
        ClassMeanAttentionSink[][] blocks = new ClassMeanAttentionSink[layers][heads];
        for (int l = 0; l < layers; l++) {
            for (int h = 0; h < heads; h++) {
                // one head: every part's block, merged apart from all other heads
                ClassMeanAttentionSink block = ClassMeanAttentionSink.fromSnapshot(parts.get(0).classMeanBlock(l, h));
                for (int p = 1; p < parts.size(); p++) {
                    block.merge(ClassMeanAttentionSink.fromSnapshot(parts.get(p).classMeanBlock(l, h)));
                }
                GateClassifier.Classification[] g = AttentionGeometryRun.headGates(block, crop, NAMES.size(), l, h);
                for (int c = 0; c < NAMES.size(); c++) {
                    gates[c][l][h] = g[c];
                }
                blocks[l][h] = block;
            }
        }
        GeometryResults split = AttentionGeometryRun.results(bert, NAMES, rest, gates,
                (c, l, h) -> AttentionGeometryRun.croppedMean(blocks[l][h], crop, c, l, h));
        assertArrayEquals(one.samplesPerClass(), split.samplesPerClass());
        assertArrayEquals(one.cropPerClass(), split.cropPerClass());
        for (int c = 0; c < NAMES.size(); c++) {
            for (int l = 0; l < layers; l++) {
                for (int h = 0; h < heads; h++) {
                    assertTrue(Arrays.deepEquals(one.classMean(c, l, h), split.classMean(c, l, h)));
                    assertEquals(one.gates()[c][l][h], split.gates()[c][l][h]);
                }
            }
        }
        assertEquals(sequences.size(), rest.samples());
    }

    @Test
    void partsMustStartAtABatchBoundary() {
        GeometryCapture c = AttentionGeometryRun.newCapture(bert, NAMES.size(), mapSize(), settings);
        assertThrows(IllegalArgumentException.class, () -> AttentionGeometryRun.captureBatches(bert,
                sequences.subList(1, 3), new int[] {0, 0}, 1, c, f -> { }, () -> false));
    }
}
