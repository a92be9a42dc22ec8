package org.bertgeometry.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.bertgeometry.capture.CaptureSink;
import org.bertgeometry.capture.CaptureSpec;
import org.bertgeometry.capture.CapturedTensor;
import org.bertgeometry.capture.ClassMeanAttentionSink;
import org.bertgeometry.capture.HeadStatistic;
import org.bertgeometry.capture.HeadStatisticsSink;
import org.bertgeometry.capture.HookNames;
import org.bertgeometry.capture.SampleContext;
import org.bertgeometry.geometry.ConeIndex;
import org.bertgeometry.geometry.Directionality;
import org.bertgeometry.geometry.GateClassifier;
import org.bertgeometry.geometry.MetastableK;
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
        if (sequences.size() != labels.length || sequences.isEmpty()) {
            throw new IllegalArgumentException("need one label per sequence and at least one sequence; got "
                    + sequences.size() + " sequences and " + labels.length + " labels");
        }
        if (!bert.model().hasClassifier()) {
            throw new IllegalArgumentException("the geometry run compares predictions with labels; the model has "
                    + "no classification head");
        }
        BertConfig config = bert.checkpoint().config();
        int layers = config.numHiddenLayers();
        int heads = config.numAttentionHeads();
        int classes = classNames.size();
        int mapSize = 0;
        for (int[] s : sequences) {
            mapSize = Math.max(mapSize, s.length);
        }
        int sepId = bert.tokenizer().vocabulary().sepId();

        ClassMeanAttentionSink means = new ClassMeanAttentionSink(CaptureSpec.none(), mapSize, sepId,
                settings.thetaHi(), settings.onlyCorrect());
        double[][] kSum = new double[layers][heads];
        double[][] coneSum = new double[layers][heads];
        long[][] headCount = new long[layers][heads];
        MetastableK.Params kParams = new MetastableK.Params(settings.kThreshold());
        List<HeadStatistic> stats = List.of(
                new NamedStatistic("k_median", (map, n) -> MetastableK.ofRows(map, kParams).median()),
                new NamedStatistic("row_cone_normalized", (map, n) -> ConeIndex.of(map,
                        ConeIndex.Params.defaults()).normalized()));
        HeadStatisticsSink headStats = new HeadStatisticsSink(CaptureSpec.none(), stats, row -> {
            if (!settings.onlyCorrect() || row.label() == row.predicted()) {
                kSum[row.layer()][row.head()] += row.values()[0];
                coneSum[row.layer()][row.head()] += row.values()[1];
                headCount[row.layer()][row.head()]++;
            }
        });
        HiddenStateSink hidden = new HiddenStateSink(layers, classes, settings, sepId);
        CaptureSink all = CaptureSink.fanOut(List.of(means, headStats, hidden));

        int n = sequences.size();
        int pad = bert.tokenizer().vocabulary().padId();
        int[] lengths = sequences.stream().mapToInt(s -> s.length).toArray();
        if (cancelled.getAsBoolean()) {
            throw new java.util.concurrent.CancellationException("geometry run cancelled");
        }
        // batches of similar length; the sinks still see the sequences in input order (BucketedRun)
        new BucketedRun(bert.model(), settings.batchSize(), BUCKET_WINDOW_BATCHES).run(lengths,
                indices -> BatchInput.padded(Arrays.stream(indices).mapToObj(sequences::get).toList(), pad,
                        Arrays.stream(indices).map(i -> labels[i]).toArray()),
                all.requires(), o -> o.replayTo(all), done -> {
                    progress.accept((double) done / n);
                    if (cancelled.getAsBoolean()) {
                        throw new java.util.concurrent.CancellationException("geometry run cancelled");
                    }
                });

        long[] perClass = new long[classes];
        for (int c = 0; c < classes; c++) {
            perClass[c] = means.count(c);
        }
        double[][] kMean = new double[layers][heads];
        double[][] coneMean = new double[layers][heads];
        for (int l = 0; l < layers; l++) {
            for (int h = 0; h < heads; h++) {
                kMean[l][h] = headCount[l][h] == 0 ? Double.NaN : kSum[l][h] / headCount[l][h];
                coneMean[l][h] = headCount[l][h] == 0 ? Double.NaN : coneSum[l][h] / headCount[l][h];
            }
        }
        int[] crop = hidden.cropPerClass();
        GateClassifier.Classification[][][] gates = new GateClassifier.Classification[classes][layers][heads];
        for (int l = 0; l < layers; l++) {
            for (int h = 0; h < heads; h++) {
                // one head's class-mean maps together, so that the instance rule can compare classes
                List<Integer> seen = new ArrayList<>();
                List<double[][]> maps = new ArrayList<>();
                for (int c = 0; c < classes; c++) {
                    if (perClass[c] > 0) {
                        seen.add(c);
                        maps.add(GeometryResults.cropped(means.mean(c, l, h), crop[c]));
                    }
                }
                // [SEP] and padding are cropped away; [CLS] stays at 0
                List<GateClassifier.Classification> headGates = GateClassifier.classifyClasses(maps,
                        Collections.nCopies(maps.size(), new SpecialPositions(0, new int[0])),
                        GateClassifier.Params.defaults());
                for (int k = 0; k < seen.size(); k++) {
                    gates[seen.get(k)][l][h] = headGates.get(k);
                }
            }
        }
        List<Directionality.HeadResult> dir = Directionality.ofModel(config, bert.checkpoint().weights(),
                Directionality.Params.defaults());
        return new GeometryResults(classNames, perClass, means, crop, gates, kMean, coneMean,
                hidden.tokenConeMeans(), hidden.clsConeByClass(), hidden.clsVectors(), dir);
    }

    private record NamedStatistic(String name, Computation f) implements HeadStatistic {
        @Override
        public double compute(float[][] map, int validLength) {
            return f.apply(map, validLength);
        }
    }

    private interface Computation {
        double apply(float[][] map, int n);
    }

    /**
     * Folds the hidden states into per-layer cone indices as they stream past, and keeps a bounded
     * number of CLS vectors per class and layer; also tracks each class's shortest [SEP] position.
     */
    private static final class HiddenStateSink implements CaptureSink {
        private final int layers;
        private final int classes;
        private final GeometryRunSettings settings;
        private final int sepId;
        private final double[] coneSum;
        private final long[] coneCount;
        private final Map<Integer, List<double[]>> clsByLayer = new HashMap<>();
        private final Map<Integer, List<Integer>> clsLabels = new HashMap<>();
        private final int[][] keptPerClassLayer;
        private final int[] crop;

        HiddenStateSink(int layers, int classes, GeometryRunSettings settings, int sepId) {
            this.layers = layers;
            this.classes = classes;
            this.settings = settings;
            this.sepId = sepId;
            this.coneSum = new double[layers + 1];
            this.coneCount = new long[layers + 1];
            this.keptPerClassLayer = new int[classes][layers];
            this.crop = new int[classes];
            Arrays.fill(crop, Integer.MAX_VALUE);
        }

        @Override
        public CaptureSpec requires() {
            return CaptureSpec.of(HookNames.EMBEDDINGS_OUTPUT, "layer.*.output");
        }

        private boolean counted(SampleContext s) {
            return !settings.onlyCorrect() || s.correct();
        }

        @Override
        public void accept(SampleContext sample, String name, CapturedTensor value) {
            if (!counted(sample)) {
                return;
            }
            int index = name.equals(HookNames.EMBEDDINGS_OUTPUT) ? 0 : HookNames.layerOf(name) + 1;
            int[] shape = value.shape();                                     // (T, hidden)
            int t = shape[0];
            int h = shape[1];
            double[][] z = new double[t][h];
            float[] d = value.data();
            for (int i = 0; i < t; i++) {
                for (int j = 0; j < h; j++) {
                    z[i][j] = d[i * h + j];
                }
            }
            coneSum[index] += ConeIndex.of(z).normalized();
            coneCount[index]++;
            int layer = index - 1;
            int c = sample.label();
            if (layer >= 0 && keptPerClassLayer[c][layer] < settings.clsPerClass()) {
                keptPerClassLayer[c][layer]++;
                clsByLayer.computeIfAbsent(layer, k -> new ArrayList<>()).add(z[0]);
                clsLabels.computeIfAbsent(layer, k -> new ArrayList<>()).add(c);
            }
        }

        @Override
        public void sampleDone(SampleContext sample) {
            if (!counted(sample)) {
                return;
            }
            int sep = sample.validLength();
            for (int i = 0; i < sample.validLength(); i++) {
                if (sample.tokenAt(i) == sepId) {
                    sep = i;
                    break;
                }
            }
            crop[sample.label()] = Math.min(crop[sample.label()], sep);
        }

        int[] cropPerClass() {
            int[] out = crop.clone();
            for (int c = 0; c < out.length; c++) {
                if (out[c] == Integer.MAX_VALUE) {
                    out[c] = 0;
                }
            }
            return out;
        }

        double[] tokenConeMeans() {
            double[] out = new double[layers + 1];
            for (int i = 0; i <= layers; i++) {
                out[i] = coneCount[i] == 0 ? Double.NaN : coneSum[i] / coneCount[i];
            }
            return out;
        }

        Map<Integer, GeometryResults.ClsVectors> clsVectors() {
            Map<Integer, GeometryResults.ClsVectors> out = new HashMap<>();
            for (Map.Entry<Integer, List<double[]>> e : clsByLayer.entrySet()) {
                int[] labels = clsLabels.get(e.getKey()).stream().mapToInt(Integer::intValue).toArray();
                out.put(e.getKey(), new GeometryResults.ClsVectors(e.getValue().toArray(new double[0][]), labels));
            }
            return out;
        }

        double[][] clsConeByClass() {
            double[][] out = new double[classes][layers];
            for (double[] row : out) {
                Arrays.fill(row, Double.NaN);
            }
            for (Map.Entry<Integer, GeometryResults.ClsVectors> e : clsVectors().entrySet()) {
                int layer = e.getKey();
                for (int c = 0; c < classes; c++) {
                    List<double[]> rows = new ArrayList<>();
                    for (int i = 0; i < e.getValue().labels().length; i++) {
                        if (e.getValue().labels()[i] == c) {
                            rows.add(e.getValue().vectors()[i]);
                        }
                    }
                    if (!rows.isEmpty()) {
                        out[c][layer] = ConeIndex.of(rows.toArray(new double[0][])).normalized();
                    }
                }
            }
            return out;
        }
    }
}
