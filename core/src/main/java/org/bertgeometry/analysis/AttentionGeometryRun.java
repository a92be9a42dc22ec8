package org.bertgeometry.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.bertgeometry.capture.CaptureSink;
import org.bertgeometry.capture.ClassMeanAttentionSink;
import org.bertgeometry.geometry.Directionality;
import org.bertgeometry.geometry.GateClassifier;
import org.bertgeometry.geometry.SpecialPositions;
import org.bertgeometry.inference.BucketedRun;
import org.bertgeometry.inference.LoadedBert;
import org.bertgeometry.model.BatchInput;
import org.bertgeometry.model.BertConfig;

/**
 * Runs a classifier over a labelled data set once, with every geometry measurement of the paper
 * attached to the forward pass as streaming sinks (docs/methods.md): class-mean attention maps and
 * their gate labels (paper A1 and section 7), per-head metastable size k and row cone index (A6, A7),
 * the cone index of token vectors per layer and of CLS vectors per class and layer (A6), and the
 * directionality of every head from the weights (A9, our operationalisation). Memory is bounded by
 * the model size and the class count, not the number of sequences, except for the CLS vectors
 * ({@link GeometryRunSettings#clsPerClass()} per class and layer).
 *
 * <p>Three steps, so that a distributed runner can do the middle one on many machines: {@link #newCapture},
 * {@link #captureBatches} over any part of the data set (batches are fixed by global index, so each
 * sequence is padded the same way wherever it runs), then {@link #results} on the merged capture.
 */
public final class AttentionGeometryRun {

    /**
     * Batches sorted by length together: a window's captures (every attention map and hidden state of
     * its sequences) wait in memory until the window is done, so it stays small.
     */
    static final int BUCKET_WINDOW_BATCHES = 4;

    private AttentionGeometryRun() {
    }

    /**
     * @param bert       an opened classifier
     * @param sequences  token ids of each sequence (real tokens only, [CLS] first, [SEP] last)
     * @param labels     true class of each sequence
     * @param classNames class names by label
     * @param progress   receives the fraction done after every batch
     * @param cancelled  polled once per batch; true stops with a {@link java.util.concurrent.CancellationException}
     */
    public static GeometryResults run(LoadedBert bert, List<int[]> sequences, int[] labels, List<String> classNames,
            GeometryRunSettings settings, DoubleConsumer progress, BooleanSupplier cancelled) {
        return results(bert, classNames, runCapture(bert, sequences, labels, classNames, settings, progress, cancelled));
    }

    /** The capture step of {@link #run} alone, over the whole data set. */
    public static GeometryCapture runCapture(LoadedBert bert, List<int[]> sequences, int[] labels,
            List<String> classNames, GeometryRunSettings settings, DoubleConsumer progress, BooleanSupplier cancelled) {
        if (sequences.size() != labels.length || sequences.isEmpty()) {
            throw new IllegalArgumentException("need one label per sequence and at least one sequence; got "
                    + sequences.size() + " sequences and " + labels.length + " labels");
        }
        int mapSize = 0;
        for (int[] s : sequences) {
            mapSize = Math.max(mapSize, s.length);
        }
        GeometryCapture capture = newCapture(bert, classNames.size(), mapSize, settings);
        captureBatches(bert, sequences, labels, 0, capture, progress, cancelled);
        return capture;
    }

    /**
     * An empty capture for {@code bert}.
     *
     * @param mapSize the longest sequence of the whole data set (side of the class-mean maps)
     */
    public static GeometryCapture newCapture(LoadedBert bert, int classes, int mapSize, GeometryRunSettings settings) {
        if (!bert.model().hasClassifier()) {
            throw new IllegalArgumentException("the geometry run compares predictions with labels; the model has "
                    + "no classification head");
        }
        BertConfig config = bert.checkpoint().config();
        return GeometryCapture.create(config.numHiddenLayers(), config.numAttentionHeads(), classes, mapSize,
                bert.tokenizer().vocabulary().sepId(), settings);
    }

    /**
     * Feeds consecutive sequences of a data set into {@code capture}, {@code sequences.get(i)} being
     * sample {@code firstIndex + i}. Batches are formed by length inside windows of {@link #unitOfWork}
     * sequences at global index ranges [kU, (k+1)U), so {@code firstIndex} must be a multiple of U: then
     * any split of the data set at unit boundaries runs exactly the batches of one pass.
     */
    public static void captureBatches(LoadedBert bert, List<int[]> sequences, int[] labels, long firstIndex,
            GeometryCapture capture, DoubleConsumer progress, BooleanSupplier cancelled) {
        int b = capture.settings().batchSize();
        int unit = unitOfWork(capture.settings());
        if (firstIndex % unit != 0) {
            throw new IllegalArgumentException("a part of the data set must start at a unit boundary (a multiple of "
                    + unit + " sequences), not at sample " + firstIndex);
        }
        int n = sequences.size();
        int pad = bert.tokenizer().vocabulary().padId();
        int[] lengths = sequences.stream().mapToInt(s -> s.length).toArray();
        if (cancelled.getAsBoolean()) {
            throw new java.util.concurrent.CancellationException("geometry run cancelled");
        }
        // batches of similar length inside windows aligned at global multiples of the unit of work, so a part
        // that starts at a unit boundary runs exactly the batches of one pass; the sinks see input order
        new BucketedRun(bert.model(), b, BUCKET_WINDOW_BATCHES).run(lengths,
                indices -> BatchInput.padded(Arrays.stream(indices).mapToObj(sequences::get).toList(), pad,
                        Arrays.stream(indices).map(i -> labels[i]).toArray()),
                capture.requires(), o -> o.replayTo(CaptureSink.numbered(capture, new long[] {firstIndex + o.index()})),
                done -> {
                    progress.accept((double) done / n);
                    if (cancelled.getAsBoolean()) {
                        throw new java.util.concurrent.CancellationException("geometry run cancelled");
                    }
                });
    }

    /**
     * Sequences whose batches are planned together (batch size times the bucketing window): the
     * granularity at which a data set may be split, e.g. into Spark tasks, without changing any batch.
     */
    public static int unitOfWork(GeometryRunSettings settings) {
        return Math.multiplyExact(settings.batchSize(), BUCKET_WINDOW_BATCHES);
    }

    /** Gate labels, means and directionality from a complete (merged) capture. */
    public static GeometryResults results(LoadedBert bert, List<String> classNames, GeometryCapture capture) {
        BertConfig config = bert.checkpoint().config();
        int classes = classNames.size();
        int[] crop = capture.cropPerClass();
        ClassMeanAttentionSink means = capture.means();
        GateClassifier.Classification[][][] gates = new GateClassifier.Classification[classes][][];
        for (int c = 0; c < classes; c++) {
            gates[c] = new GateClassifier.Classification[config.numHiddenLayers()][config.numAttentionHeads()];
        }
        for (int l = 0; l < config.numHiddenLayers(); l++) {
            for (int h = 0; h < config.numAttentionHeads(); h++) {
                GateClassifier.Classification[] head = headGates(means, crop, classes, l, h);
                for (int c = 0; c < classes; c++) {
                    gates[c][l][h] = head[c];
                }
            }
        }
        return results(bert, classNames, capture, gates, (c, l, h) -> croppedMean(means, crop, c, l, h));
    }

    /**
     * Results from a capture whose class-mean sums were reduced elsewhere (per head, on a cluster):
     * {@code capture} needs only the counts and first samples of the class means
     * ({@link GeometryCapture#snapshotWithoutClassMeanMaps}); the gate of every (class, layer, head), null
     * for a class without aggregated samples, and the maps the report reads come with it.
     */
    public static GeometryResults results(LoadedBert bert, List<String> classNames, GeometryCapture capture,
            GateClassifier.Classification[][][] gates, ClassMeanMaps maps) {
        BertConfig config = bert.checkpoint().config();
        long[] perClass = new long[classNames.size()];
        for (int c = 0; c < perClass.length; c++) {
            perClass[c] = capture.means().count(c);
        }
        HiddenStateSink hidden = capture.hidden();
        List<Directionality.HeadResult> dir = Directionality.ofModel(config, bert.checkpoint().weights(),
                Directionality.Params.defaults());
        return new GeometryResults(classNames, perClass, maps, capture.cropPerClass(), gates,
                capture.headSums().means(GeometryCapture.K_MEDIAN), capture.headSums().means(GeometryCapture.ROW_CONE),
                hidden.tokenConeMeans(), hidden.clsConeByClass(), hidden.clsVectors(), dir);
    }

    /**
     * The gate of each class's cropped class-mean map at (layer, head), by class; null for a class without
     * aggregated samples. One head's maps are classified together so that the instance rule can compare
     * classes. {@code means} may hold only this head ({@link ClassMeanAttentionSink#head}).
     *
     * @param crop per class, the side to crop to ({@link GeometryCapture#cropPerClass})
     */
    public static GateClassifier.Classification[] headGates(ClassMeanAttentionSink means, int[] crop, int classes,
            int layer, int head) {
        List<Integer> seen = new ArrayList<>();
        List<double[][]> maps = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            if (means.count(c) > 0) {
                seen.add(c);
                maps.add(croppedMean(means, crop, c, layer, head));
            }
        }
        // [SEP] and padding are cropped away; [CLS] stays at 0
        List<GateClassifier.Classification> headGates = GateClassifier.classifyClasses(maps,
                Collections.nCopies(maps.size(), new SpecialPositions(0, new int[0])), GateClassifier.Params.defaults());
        GateClassifier.Classification[] out = new GateClassifier.Classification[classes];
        for (int k = 0; k < seen.size(); k++) {
            out[seen.get(k)] = headGates.get(k);
        }
        return out;
    }

    /** The mean map of class {@code cls} at (layer, head), cropped to {@code crop[cls]}: what the report reads. */
    public static double[][] croppedMean(ClassMeanAttentionSink means, int[] crop, int cls, int layer, int head) {
        return GeometryResults.cropped(means.mean(cls, layer, head), crop[cls]);
    }
}
