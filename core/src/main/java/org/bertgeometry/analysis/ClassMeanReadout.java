package org.bertgeometry.analysis;

import java.io.Serializable;

/**
 * Values a report reads from one cropped class-mean map (for instance the attention on protein domains),
 * computed where the map is: on one machine from the streamed sums, on a cluster by the executor that
 * reduced the map's head, so that only the values travel (docs/spark.md). Serializable, with a
 * serializable result, because a distributed runner ships it to its executors and the values back.
 */
@FunctionalInterface
public interface ClassMeanReadout extends Serializable {

    /** What is read from the cropped class-mean map of one class at (layer, head). */
    Serializable read(int layer, int head, double[][] map);
}
