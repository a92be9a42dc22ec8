package org.bertgeometry.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/**
 * A capture task streams its blocks into the shuffle one at a time (docs/spark.md, "Per block, on the
 * executors"): once the shuffle writer has taken a block, nothing keeps it reachable, so a task holds
 * its capture plus about one block, not all of its blocks until it ends. Spark's default Java
 * serialization stream would keep every object it wrote until its periodic reset, and the shuffle writer
 * keeps one such stream per reduce partition open for the whole task.
 */
class HeadBlockShuffleTest {

    /** Blocks of 4 MiB; 20 of them (19 heads and the rest) are 80 MiB that must not stay reachable. */
    static final int BLOCK = 4 << 20;
    /** Earlier blocks that may still be reachable: the record the shuffle writer handled last. */
    static final int TOLERATED = 1;

    @Test
    void aTaskKeepsNoBlockReachableOnceTheShuffleHasWrittenIt() {
        HeadBlocks shape = new HeadBlocks(1, 19);          // 20 keys, 20 reduce partitions, as for 19 heads
        SparkConf conf = new SparkConf().setMaster("local[1]").setAppName("head-block-shuffle");
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            JavaPairRDD<Integer, byte[]> emitted = sc.parallelize(List.of(0), 1)
                    .mapPartitionsToPair(x -> new WatchedBlocks(shape.count()));
            Map<Integer, Integer> received =
                    new TreeMap<>(shape.reduce(emitted).mapValues(b -> b.length).collectAsMap());
            // and every block reached its key's reducer whole
            Map<Integer, Integer> expected = new TreeMap<>();
            for (int key = HeadBlocks.REST; key < shape.count() - 1; key++) {
                expected.put(key, BLOCK);
            }
            assertEquals(expected, received);
        }
    }

    /**
     * The blocks a capture task emits (keys as {@link HeadBlocks#of}: the rest, then head by head), each
     * watched through a weak reference only. From the third block on, before handing out the next block
     * it collects garbage and fails the task if more than {@link #TOLERATED} earlier blocks survive.
     */
    static final class WatchedBlocks implements Iterator<Tuple2<Integer, byte[]>> {
        private final int count;
        private final List<WeakReference<byte[]>> emitted = new ArrayList<>();

        WatchedBlocks(int count) {
            this.count = count;
        }

        @Override
        public boolean hasNext() {
            return emitted.size() < count;
        }

        @Override
        public Tuple2<Integer, byte[]> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            if (emitted.size() >= 2) {
                long reachable = reachableAfterCollection();
                if (reachable > TOLERATED) {
                    throw new IllegalStateException("before block " + (emitted.size() + 1) + ", " + reachable
                            + " earlier blocks of " + BLOCK + " bytes are still reachable (at most " + TOLERATED
                            + " expected): the shuffle writer keeps what it has written");
                }
            }
            byte[] block = new byte[BLOCK];
            emitted.add(new WeakReference<>(block));
            return new Tuple2<>(HeadBlocks.REST + emitted.size() - 1, block);
        }

        /** Earlier blocks still reachable after up to three full collections (stops early once few remain). */
        private long reachableAfterCollection() {
            long reachable = emitted.size();
            for (int i = 0; i < 3 && reachable > TOLERATED; i++) {
                System.gc();
                reachable = emitted.stream().filter(r -> r.get() != null).count();
            }
            return reachable;
        }
    }
}
