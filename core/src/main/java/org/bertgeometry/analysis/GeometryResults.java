package org.bertgeometry.analysis;

import java.util.List;
import java.util.Map;
import org.bertgeometry.geometry.Directionality;
import org.bertgeometry.geometry.GateClassifier;

/**
 * Everything {@link AttentionGeometryRun} measured on one model and one labelled data set, as plain
 * values that reports and tests read. Layers are numbered from 0; index {@code l} of a per-layer
 * array of hidden-state measures is the output of layer {@code l} (index 0 of
 * {@code tokenConeByLayer} is the embedding output, so it has layers + 1 entries).
 *
 * @param classNames          class names by label
 * @param samplesPerClass     samples that entered the class means (correct ones when so configured)
 * @param classMeans          the class-mean maps, cropped; read through {@link #classMean} (on one
 *                            machine computed from the streamed sums, on a cluster the maps that came back)
 * @param cropPerClass        per class, the shortest [SEP] position among its aggregated samples: class
 *                            means are cropped to it so that every kept row and column is a real token
 * @param gates               per class, per layer, per head: the gate decision on the class-mean map
 * @param k90MeanOfMedians    per layer and head: mean over samples of the median metastable size k
 * @param rowConeMean         per layer and head: mean over samples of the mean normalised cone index of
 *                            the attention rows
 * @param tokenConeByLayer    mean over samples of the normalised cone index of the token vectors
 *                            (embedding output, then every layer output)
 * @param clsConeByClass      per class, per layer: normalised cone index of that class's CLS vectors
 * @param clsVectors          per layer: the kept CLS vectors (rows) and their labels
 * @param directionality      one row per layer and head, from the weights
 */
public record GeometryResults(
        List<String> classNames,
        long[] samplesPerClass,
        ClassMeanMaps classMeans,
        int[] cropPerClass,
        GateClassifier.Classification[][][] gates,
        double[][] k90MeanOfMedians,
        double[][] rowConeMean,
        double[] tokenConeByLayer,
        double[][] clsConeByClass,
        Map<Integer, ClsVectors> clsVectors,
        List<Directionality.HeadResult> directionality) {

    /**
     * The class-mean attention map of class {@code cls}, layer, head, cropped to
     * {@code cropPerClass[cls]} (the [CLS] row and column first, [SEP] and padding left out); null
     * when no sample of the class was aggregated.
     */
    public double[][] classMean(int cls, int layer, int head) {
        if (samplesPerClass[cls] == 0) {
            return null;
        }
        return classMeans.mean(cls, layer, head);
    }

    /** The top-left {@code n x n} block of {@code full}. */
    static double[][] cropped(double[][] full, int n) {
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = java.util.Arrays.copyOf(full[i], n);
        }
        return out;
    }

    /** CLS vectors of one layer with their class labels. */
    public record ClsVectors(double[][] vectors, int[] labels) {
    }
}
