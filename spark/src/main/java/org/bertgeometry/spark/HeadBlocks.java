package org.bertgeometry.spark;

import java.io.Serializable;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;
import org.apache.spark.HashPartitioner;
import org.apache.spark.Partitioner;
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
