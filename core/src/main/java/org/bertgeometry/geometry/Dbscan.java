package org.bertgeometry.geometry;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.ml.clustering.Cluster;
import org.apache.commons.math3.ml.clustering.DBSCANClusterer;
import org.apache.commons.math3.ml.clustering.DoublePoint;

/**
 * DBSCAN clustering of row vectors (docs/methods.md, "CLS embeddings and clustering") through Commons
 * Math's {@code DBSCANClusterer}, with scikit-learn's parameter meaning: {@code minSamples} counts the
 * point itself (default 5), whereas Commons Math's {@code minPts} does not, so minSamples - 1 is
 * passed on. Euclidean distance, neighbours within {@code <= eps}. The reference used eps 325 on
 * flattened embeddings. Cluster ids follow Commons Math's discovery order (not sklearn's); metrics
 * such as {@link ClusteringMetrics} do not depend on the numbering.
 */
public final class Dbscan {

    /** Label of noise points, as in scikit-learn. */
    public static final int NOISE = -1;

    private Dbscan() {
    }

    /** @param eps neighbourhood radius; @param minSamples core-point neighbourhood size including the point (5) */
    public record Params(double eps, int minSamples) {
        public Params {
            if (!(eps > 0)) {
                throw new IllegalArgumentException("DBSCAN eps must be > 0, got " + eps);
            }
            if (minSamples < 1) {
                throw new IllegalArgumentException("DBSCAN minSamples must be >= 1, got " + minSamples);
            }
        }

        public static Params withEps(double eps) {
            return new Params(eps, 5);
        }
    }

    /** One label per row: cluster id 0.. or {@link #NOISE}. */
    public static int[] labels(double[][] x, Params params) {
        MatrixChecks.requireRectangular(x, "data");
        List<DoublePoint> points = new ArrayList<>(x.length);
        Map<DoublePoint, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < x.length; i++) {
            DoublePoint p = new DoublePoint(x[i]);
            points.add(p);
            index.put(p, i);
        }
        List<Cluster<DoublePoint>> clusters =
                new DBSCANClusterer<DoublePoint>(params.eps(), params.minSamples() - 1).cluster(points);
        int[] labels = new int[x.length];
        java.util.Arrays.fill(labels, NOISE);
        for (int c = 0; c < clusters.size(); c++) {
            for (DoublePoint p : clusters.get(c).getPoints()) {
                labels[index.get(p)] = c;
            }
        }
        return labels;
    }
}
