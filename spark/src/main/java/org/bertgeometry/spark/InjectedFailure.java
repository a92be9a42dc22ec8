package org.bertgeometry.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;

/**
 * Test hooks that fail a capture task on its first attempt, so that tests can show a retried task counts
 * nothing twice (docs/spark.md, "Tests"): before the task captures batch {@code batch}, or, in the task of
 * partition 0, once the shuffle has taken {@code afterBlocks} of its blocks, i.e. with part of its output
 * already written. Each writes {@code marker} (when given) so a test can see that the failure happened.
 * Off unless the Spark configuration sets them.
 *
 * @param batch       the batch before which its task fails; -1: none
 * @param afterBlocks the blocks task 0 hands to the shuffle before it fails; -1: none
 * @param marker      a file the failure writes, or empty
 */
record InjectedFailure(long batch, int afterBlocks, String marker) implements Serializable {

    /** The batch whose task fails on its first attempt, before capturing it. */
    static final String BATCH_KEY = "spark.bertgeo.test.failOnceAtBatch";
    /** The number of blocks after which the first attempt of task 0 fails. */
    static final String AFTER_BLOCKS_KEY = "spark.bertgeo.test.failOnceAfterBlocks";
    /** A file the injected failure writes. */
    static final String MARKER_KEY = "spark.bertgeo.test.failMarker";

    /** The hooks the configuration sets. */
    static InjectedFailure from(SparkConf conf) {
        return new InjectedFailure(conf.getLong(BATCH_KEY, -1), conf.getInt(AFTER_BLOCKS_KEY, -1),
                conf.get(MARKER_KEY, ""));
    }

    /** Called before a task captures batch {@code id}. */
    void beforeBatch(long id) {
        if (id == batch && firstAttempt()) {
            fail("injected failure in batch " + id + " (test hook " + BATCH_KEY + ")");
        }
    }

    /** The blocks of a task, failing after {@link #afterBlocks} of them in the first attempt of task 0. */
    <T> Iterator<T> blocks(Iterator<T> blocks) {
        if (afterBlocks < 0 || TaskContext.getPartitionId() != 0 || !firstAttempt()) {
            return blocks;
        }
        return new Iterator<>() {
            private int handed;

            @Override
            public boolean hasNext() {
                return blocks.hasNext();
            }

            @Override
            public T next() {
                if (handed == afterBlocks) {
                    fail("injected failure after " + handed + " blocks of task 0 (test hook " + AFTER_BLOCKS_KEY + ")");
                }
                handed++;
                return blocks.next();
            }
        };
    }

    private static boolean firstAttempt() {
        return TaskContext.get().attemptNumber() == 0;
    }

    private void fail(String message) {
        if (!marker.isEmpty()) {
            try {
                Files.writeString(Path.of(marker), "failed once\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException(message);
    }
}
