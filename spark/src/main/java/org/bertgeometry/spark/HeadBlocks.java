package org.bertgeometry.spark;

import java.io.Serializable;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;
import org.apache.spark.HashPartitioner;
import org.apache.spark.Partitioner;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.serializer.JavaSerializer;
import org.apache.spark.serializer.Serializer;
import org.bertgeometry.analysis.AttentionGeometryRun;
import org.bertgeometry.analysis.ClassMeanReadout;
import org.bertgeometry.analysis.GeometryCapture;
import org.bertgeometry.capture.ClassMeanAttentionSink;
import org.bertgeometry.capture.Snapshots;
import org.bertgeometry.geometry.GateClassifier;
import scala.Tuple2;

/**
 * A task's capture cut into blocks that are reduced by key on the executors (docs/spark.md, "How it
 * works", step 5), so that no single result carries the class-mean sums of every head: key
 * {@code layer × heads + head} holds that head's class-mean state ({@link GeometryCapture#classMeanBlock}:
 * counts, first samples and the head's sums of every class), key {@link #REST} everything else
 * ({@link GeometryCapture#snapshotWithoutClassMeanMaps}). Each kind merges exactly with its own kind,
 * so the reduced blocks are those of one pass.
 *
 * @param layers layers of the model
 * @param heads  heads per layer
 */
record HeadBlocks(int layers, int heads) implements Serializable {

    /** Key of the block without class-mean sums. */
    static final int REST = -1;

    /** Blocks per task: one per head plus the rest. */
    int count() {
        return layers * heads + 1;
    }

    /**
     * One reduce partition per key: a hash partitioner of {@link #count()} partitions maps head key k to
     * partition k and {@link #REST} (-1) to the last one, so each block is reduced by one task.
     */
    Partitioner partitioner() {
        return new HashPartitioner(count());
    }

    /** The partition of {@link #REST}. */
    int restPartition() {
        return count() - 1;
    }

    /** The partitions of the heads, 0 to layers × heads − 1. */
    int[] headPartitions() {
        return IntStream.range(0, layers * heads).toArray();
    }

    /**
     * The blocks of {@code capture}, each made only when the shuffle asks for it, so a task holds its
     * capture and one block at a time.
     */
    Iterator<Tuple2<Integer, byte[]>> of(GeometryCapture capture) {
        return new Iterator<>() {
            private int next = REST;

            @Override
            public boolean hasNext() {
                return next < layers * heads;
            }

            @Override
            public Tuple2<Integer, byte[]> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int key = next++;
                return new Tuple2<>(key, key == REST ? capture.snapshotWithoutClassMeanMaps()
                        : capture.classMeanBlock(key / heads, key % heads));
            }
        };
    }

    /**
     * The blocks of every task reduced by key, one reduce partition per key ({@link #partitioner()}). No
     * map-side combine: a task has one value per key, and combining would hold all its blocks at once.
     * The shuffle serialises with {@link #forgetfulSerializer}, so a written block can be collected.
     */
    JavaPairRDD<Integer, byte[]> reduce(JavaPairRDD<Integer, byte[]> blocks) {
        return blocks.combineByKey(b -> b, HeadBlocks::merge, HeadBlocks::merge, partitioner(), false,
                forgetfulSerializer(blocks.context().getConf()));
    }

    /**
     * Java serialisation that resets its stream after every object. Spark's default (Java serialisation,
     * {@code spark.serializer.objectStreamReset} = 100) keeps a strong reference to every object written
     * until the next reset, and with at most {@code spark.shuffle.sort.bypassMergeThreshold} (200) reduce
     * partitions the shuffle writer keeps one stream per partition open until the task's last record: each
     * stream would hold its one block, so all blocks of the task would stay on the heap until it ends. A
     * reset per object costs a few bytes per block (the class descriptors are written again). It is given
     * to this shuffle explicitly, not set as a default in the configuration, so that neither a user's
     * {@code objectStreamReset} nor a user's {@code spark.serializer} (Kryo) changes this bound, and the
     * other shuffles keep the user's choice.
     */
    private static Serializer forgetfulSerializer(SparkConf conf) {
        return new JavaSerializer(conf.clone().set("spark.serializer.objectStreamReset", "1"));
    }

    /** Merges two blocks of the same key (exact: the order does not matter). */
    static byte[] merge(byte[] a, byte[] b) {
        if (Snapshots.tagOf(a).equals(GeometryCapture.SNAPSHOT_TAG)) {
            GeometryCapture x = GeometryCapture.fromSnapshot(a);
            x.merge(GeometryCapture.fromSnapshot(b));
            return x.snapshot();
        }
        ClassMeanAttentionSink x = ClassMeanAttentionSink.fromSnapshot(a);
        x.merge(ClassMeanAttentionSink.fromSnapshot(b));
        return x.snapshot();
    }

    /**
     * What the driver needs of one reduced head block: every class's gate and, of class {@code mapClass},
     * what {@code readout} reads from its cropped map, and the map itself in the last layer.
     *
     * @param crop per class, the side to crop to (from the reduced rest, {@link GeometryCapture#cropPerClass})
     */
    HeadSummary summarise(int key, byte[] block, int classes, int[] crop, int mapClass, ClassMeanReadout readout) {
        int layer = key / heads;
        int head = key % heads;
        ClassMeanAttentionSink means = ClassMeanAttentionSink.fromSnapshot(block);
        GateClassifier.Classification[] gates = AttentionGeometryRun.headGates(means, crop, classes, layer, head);
        if (means.count(mapClass) == 0) {
            return new HeadSummary(layer, head, gates, null, null);
        }
        double[][] map = AttentionGeometryRun.croppedMean(means, crop, mapClass, layer, head);
        return new HeadSummary(layer, head, gates, layer == layers - 1 ? map : null, readout.read(layer, head, map));
    }
}
