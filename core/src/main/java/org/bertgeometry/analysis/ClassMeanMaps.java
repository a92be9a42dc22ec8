package org.bertgeometry.analysis;

/**
 * The class-mean attention maps of a geometry run, wherever they are kept: on one machine computed
 * from the streamed sums ({@link AttentionGeometryRun#croppedMean}), after a distributed run the maps
 * its executors sent back (the spark module keeps only the class the report draws). Each map is the mean
 * of class {@code cls} at (layer, head) cropped to the class's shortest [SEP] position, as
 * {@link GeometryResults#classMean} describes.
 */
@FunctionalInterface
public interface ClassMeanMaps {

    /**
     * The cropped mean map.
     *
     * @throws IllegalArgumentException when this source does not hold it
     */
    double[][] mean(int cls, int layer, int head);
}
