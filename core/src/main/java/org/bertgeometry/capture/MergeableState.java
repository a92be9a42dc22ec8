package org.bertgeometry.capture;

import java.io.DataOutput;
import java.io.IOException;

/**
 * State folded from part of a data set that can be combined with the state of another part. The merge
 * is exact: for parts P1..Pk of a data set (samples carrying global indices, see
 * {@link SampleContext#index()}), merging their states in any grouping and order gives the state of one
 * pass over the whole set, bit for bit, and so does {@link #write} followed by the class's
 * {@code read}. This is what parallel chunk loops and a distributed runner (the spark module) need.
 *
 * @param <T> the implementing type
 */
public interface MergeableState<T extends MergeableState<T>> {

    /**
     * Adds {@code other}'s state to this one's; {@code other} is not changed.
     *
     * @throws IllegalArgumentException when the two were made with different settings
     */
    void merge(T other);

    /** Writes the state, settings included, in the format of docs/capture.md ("Snapshots"). */
    void write(DataOutput out) throws IOException;
}
