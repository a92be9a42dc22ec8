package org.bertgeometry.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.Partitioner;
import org.bertgeometry.analysis.ClassMeanReadout;
import org.bertgeometry.analysis.GeometryCapture;
import org.bertgeometry.analysis.GeometryRunSettings;
import org.bertgeometry.capture.CapturedTensor;
import org.bertgeometry.capture.ClassMeanAttentionSink;
import org.bertgeometry.capture.HookPoint;
import org.bertgeometry.capture.HookPoint.Kind;
import org.bertgeometry.capture.SampleContext;
import org.bertgeometry.capture.Snapshots;
import org.bertgeometry.cli.variants.DistributedCapture;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/**
 * How a capture of a model with 2 layers of 3 heads is cut into blocks, keyed, partitioned and
 * summarised (docs/spark.md, "How it works", step 5), without Spark running: head key
 * {@code layer × 3 + head}, the rest under key -1; each key in a partition of its own; the driver gets
 * a class's map only in the last layer. The capture is fed by hand with maps whose every entry names
 * their (layer, head), so the expected means are computed by hand.
 */
class HeadBlocksTest {

    static final int LAYERS = 2;
    static final int HEADS = 3;
    static final int CLASSES = 2;
    static final int SEP = 2;
    /** [CLS] a b [SEP]: the maps are cropped before [SEP], to 3 × 3. */
    static final int[] IDS = {1, 7, 8, SEP};
    static final int CROP = 3;

    final HeadBlocks blocks = new HeadBlocks(LAYERS, HEADS);

    /** Every entry of head (l, h) in sample 0 is (1 + 3l + h) / 16, in sample 1 half that. */
    static float entry(int sample, int layer, int head) {
        return (1 + HEADS * layer + head) / (sample == 0 ? 16f : 32f);
    }

    /** The class-0 mean of head key k by hand: ((1 + k) / 16 + (1 + k) / 32) / 2 = 3 (1 + k) / 64. */
    static double mean(int key) {
        return 3.0 * (1 + key) / 64;
    }

    /** Two correctly predicted samples of class 0, class 1 has none. */
    static GeometryCapture capture() {
        GeometryCapture capture = GeometryCapture.create(LAYERS, HEADS, CLASSES, IDS.length, SEP,
                GeometryRunSettings.defaults());
        for (int s = 0; s < 2; s++) {
            SampleContext sample = new SampleContext(0, IDS, 0, 0, s);
            for (int l = 0; l < LAYERS; l++) {
                float[] data = new float[HEADS * IDS.length * IDS.length];        // (heads, T, T)
                for (int h = 0; h < HEADS; h++) {
                    Arrays.fill(data, h * IDS.length * IDS.length, (h + 1) * IDS.length * IDS.length, entry(s, l, h));
                }
                capture.target().accept(sample, HookPoint.of(Kind.ATTENTION_PROBS, l).name(),
                        new CapturedTensor(new int[] {HEADS, IDS.length, IDS.length}, data, new int[] {0, 1, 2}));
            }
            capture.sampleDone(sample);
        }
        return capture;
    }

    @Test
    void eachKeyHasAPartitionOfItsOwnTheRestTheLast() {
        Partitioner p = blocks.partitioner();
        assertEquals(7, blocks.count());
        assertEquals(7, p.numPartitions());
        assertEquals(6, blocks.restPartition());
        assertEquals(blocks.restPartition(), p.getPartition(HeadBlocks.REST));
        for (int key = 0; key < LAYERS * HEADS; key++) {
            assertEquals(key, p.getPartition(key), "head key " + key);
        }
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, blocks.headPartitions());
    }

    @Test
    void theBlocksAreTheRestThenEveryHeadWithOnlyItsOwnSums() {
        List<Tuple2<Integer, byte[]>> out = new ArrayList<>();
        blocks.of(capture()).forEachRemaining(out::add);
        assertEquals(List.of(-1, 0, 1, 2, 3, 4, 5), out.stream().map(Tuple2::_1).toList());
        GeometryCapture rest = GeometryCapture.fromSnapshot(out.get(0)._2());
        assertEquals(2, rest.samples());
        assertArrayEquals(new int[] {CROP, 0}, rest.cropPerClass());
        for (int key = 0; key < LAYERS * HEADS; key++) {
            byte[] block = out.get(1 + key)._2();
            assertEquals(ClassMeanAttentionSink.SNAPSHOT_TAG, Snapshots.tagOf(block));
            ClassMeanAttentionSink sink = ClassMeanAttentionSink.fromSnapshot(block);
            assertEquals(2, sink.count(0));
            for (int l = 0; l < LAYERS; l++) {
                for (int h = 0; h < HEADS; h++) {
                    int layer = l;
                    int head = h;
                    if (l * HEADS + h == key) {
                        assertEquals(mean(key), sink.mean(0, l, h)[1][2], 0.0, "key " + key + " is layer " + l
                                + ", head " + h);
                    } else {
                        assertThrows(IllegalArgumentException.class, () -> sink.mean(0, layer, head),
                                "block " + key + " holds no sums of layer " + l + ", head " + h);
                    }
                }
            }
        }
    }

    @Test
    void aSummaryCarriesTheClassMapInTheLastLayerOnly() {
        GeometryCapture capture = capture();
        int[] crop = capture.cropPerClass();
        ClassMeanReadout readout = (l, h, map) -> "layer " + l + " head " + h + " first " + map[0][0];
        for (int key = 0; key < LAYERS * HEADS; key++) {
            int layer = key / HEADS;
            int head = key % HEADS;
            HeadSummary s = blocks.summarise(key, capture.classMeanBlock(layer, head), CLASSES, crop, 0, readout);
            assertEquals(layer, s.layer());
            assertEquals(head, s.head());
            assertNotNull(s.gates()[0], "class 0 has a gate");
            assertNull(s.gates()[1], "class 1 has no aggregated sample");
            assertEquals("layer " + layer + " head " + head + " first " + mean(key), s.readout());
            if (layer == LAYERS - 1) {
                assertEquals(CROP, s.classMap().length);
                for (double[] row : s.classMap()) {
                    assertArrayEquals(new double[] {mean(key), mean(key), mean(key)}, row, 0.0);
                }
            } else {
                assertNull(s.classMap(), "layer " + layer + " keeps its map on the executor");
            }
        }
        HeadSummary empty = blocks.summarise(4, capture.classMeanBlock(1, 1), CLASSES, crop, 1, readout);
        assertNull(empty.classMap(), "a class without samples has no map");
        assertNull(empty.readout());
    }

    @Test
    void theDriverRefusesTheMapsThatStayedOnTheExecutors() {
        GeometryCapture capture = capture();
        int[] crop = capture.cropPerClass();
        ClassMeanReadout readout = (l, h, map) -> map[0][0];
        List<HeadSummary> summaries = new ArrayList<>();
        for (int key = 0; key < LAYERS * HEADS; key++) {
            summaries.add(blocks.summarise(key, capture.classMeanBlock(key / HEADS, key % HEADS), CLASSES, crop, 0,
                    readout));
        }
        DistributedCapture.Request request = new DistributedCapture.Request("local[1]", "model", "in.fasta", null,
                CLASSES, LAYERS, HEADS, GeometryRunSettings.defaults(), 0, readout);
        @SuppressWarnings("unchecked")
        List<HeadSummary>[] partitions = new List[] {summaries.subList(0, 4), summaries.subList(4, 6)};
        DistributedCapture.Outcome outcome = SparkCapture.outcome(capture, partitions, CLASSES, request,
                new long[] {2, 0, 0, IDS.length});
        for (int h = 0; h < HEADS; h++) {
            assertEquals(mean(HEADS + h), outcome.maps().mean(0, 1, h)[2][2], 0.0);
            assertEquals(mean(h), outcome.readouts()[0][h]);
            int head = h;
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> outcome.maps().mean(0, 0, head));
            assertTrue(refused.getMessage().contains("stayed on the executors"), refused.getMessage());
            assertThrows(IllegalArgumentException.class, () -> outcome.maps().mean(1, 1, head));
        }
    }
}
