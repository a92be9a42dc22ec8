package org.bertgeometry.capture;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Streaming class-mean attention maps, the paper's analysis A1 as its reference
 * implementation ({@code process_output_for_attention_analysis}) computes it; docs/capture.md,
 * "Class-mean attention", restates the rules. For each
 * accepted sample of class c and each selected (layer, head), the attention map a is cut at the first
 * [SEP] (row and column sep and everything after them are zeroed, [CLS] is kept, rows are not
 * renormalised) and added to a running double sum S_c; the same map with entries below θ set to zero is
 * added to S^θ_c. Accepted means: labelled and, by default (as in the paper), correctly predicted.
 * {@link #mean} is S_c / count_c; {@link #thresholdSum} is S^θ_c, left undivided as in the paper.
 *
 * <p>Our operationalisation where the paper is silent: a sequence without [SEP] is cut at its last real
 * token (so only padding is zeroed); maps are stored {@code mapSize × mapSize} and a cut longer than
 * {@code mapSize} is an error. Memory is fixed by the selection, not the data: at most
 * classes × layers × heads × mapSize² × 16 bytes (two double sums), allocated per class on first use.
 */
public final class ClassMeanAttentionSink implements CaptureSink {

    /** The paper's θ for "high-confidence attention" (Vig et al. 2021). */
    public static final double PAPER_THETA = 0.3;

    private record Key(int cls, int layer, int head) {
    }

    private final CaptureSpec spec;
    private final int mapSize;
    private final int sepTokenId;
    private final double theta;
    private final boolean onlyCorrect;
    private final Map<Key, double[]> sums = new HashMap<>();
    private final Map<Key, double[]> thresholdSums = new HashMap<>();
    private final Map<Integer, Long> counts = new HashMap<>();
    private final Map<Integer, int[]> firstIds = new HashMap<>();
    private long skipped;

    /**
     * @param selection   layers and heads to aggregate (its patterns are ignored; empty selections mean all)
     * @param mapSize     side of the stored maps; at least the longest [SEP] position (e.g. the padded length)
     * @param sepTokenId  id of [SEP]
     * @param theta       threshold for the thresholded sum (paper: {@link #PAPER_THETA})
     * @param onlyCorrect aggregate only correctly predicted samples (paper: true); needs a classifier
     */
    public ClassMeanAttentionSink(CaptureSpec selection, int mapSize, int sepTokenId, double theta,
            boolean onlyCorrect) {
        if (mapSize <= 0) {
            throw new IllegalArgumentException("mapSize must be positive, got " + mapSize);
        }
        if (!(theta >= 0 && theta <= 1)) {
            throw new IllegalArgumentException("theta must be in [0, 1], got " + theta);
        }
        this.spec = new CaptureSpec(java.util.List.of("layer.*.attention.probs"), selection.layers(), selection.heads());
        this.mapSize = mapSize;
        this.sepTokenId = sepTokenId;
        this.theta = theta;
        this.onlyCorrect = onlyCorrect;
    }

    /** The paper's setting: every layer and head, θ = 0.3, correctly predicted samples only. */
    public static ClassMeanAttentionSink paperDefaults(int mapSize, int sepTokenId) {
        return new ClassMeanAttentionSink(CaptureSpec.none(), mapSize, sepTokenId, PAPER_THETA, true);
    }

    @Override
    public CaptureSpec requires() {
        return spec;
    }

    @Override
    public void accept(SampleContext sample, String name, CapturedTensor value) {
        if (!name.endsWith(".attention.probs") || !accepted(sample)) {
            return;
        }
        int layer = HookNames.layerOf(name);
        if (!spec.layers().isEmpty() && !spec.layers().contains(layer)) {
            return;
        }
        int cut = cut(sample);
        int len = sample.validLength();
        for (int h : value.heads()) {
            if (!spec.heads().isEmpty() && !spec.heads().contains(h)) {
                continue;
            }
            Key key = new Key(sample.label(), layer, h);
            double[] s = sums.computeIfAbsent(key, k -> new double[mapSize * mapSize]);
            double[] st = thresholdSums.computeIfAbsent(key, k -> new double[mapSize * mapSize]);
            float[][] a = value.headMatrix(h);
            for (int i = 0; i < cut && i < len; i++) {
                for (int j = 0; j < cut && j < len; j++) {
                    float v = a[i][j];
                    s[i * mapSize + j] += v;
                    if (v >= theta) {
                        st[i * mapSize + j] += v;
                    }
                }
            }
        }
    }

    @Override
    public void sampleDone(SampleContext sample) {
        if (accepted(sample)) {
            counts.merge(sample.label(), 1L, Long::sum);
            firstIds.putIfAbsent(sample.label(), sample.inputIds());
        } else {
            skipped++;
        }
    }

    private boolean accepted(SampleContext sample) {
        if (sample.label() < 0) {
            throw new IllegalArgumentException("class-mean attention needs a label for every sample; "
                    + "sample at batch row " + sample.batchRow() + " has none");
        }
        if (onlyCorrect && sample.predicted() < 0) {
            throw new IllegalArgumentException("class-mean attention over correctly predicted samples needs a "
                    + "model with a classification head; use onlyCorrect=false to aggregate every labelled sample");
        }
        return !onlyCorrect || sample.correct();
    }

    private int cut(SampleContext sample) {
        int len = sample.validLength();
        int sep = len;
        for (int i = 0; i < len; i++) {
            if (sample.tokenAt(i) == sepTokenId) {
                sep = i;
                break;
            }
        }
        if (sep > mapSize) {
            throw new IllegalArgumentException("sample cut at position " + sep + " does not fit mapSize " + mapSize
                    + "; create the sink with a mapSize of at least the padded sequence length");
        }
        return sep;
    }

    /** Classes seen with at least one accepted sample. */
    public Set<Integer> classes() {
        return new TreeSet<>(counts.keySet());
    }

    /** Accepted samples of class {@code cls}. */
    public long count(int cls) {
        return counts.getOrDefault(cls, 0L);
    }

    /** Samples not aggregated because they were mispredicted. */
    public long skippedIncorrect() {
        return skipped;
    }

    /** Token ids of the first accepted sample of {@code cls} (the paper takes tick labels from it). */
    public int[] firstSampleIds(int cls) {
        int[] ids = firstIds.get(cls);
        return ids == null ? new int[0] : ids.clone();
    }

    /** M_c[l,h] = S_c[l,h] / count_c as {@code mapSize × mapSize}. */
    public double[][] mean(int cls, int layer, int head) {
        long n = count(cls);
        if (n == 0) {
            throw new IllegalArgumentException("no accepted sample of class " + cls);
        }
        return matrix(sums.get(new Key(cls, layer, head)), 1.0 / n, cls, layer, head);
    }

    /** S^θ_c[l,h], the undivided sum of thresholded maps (as the paper keeps it). */
    public double[][] thresholdSum(int cls, int layer, int head) {
        return matrix(thresholdSums.get(new Key(cls, layer, head)), 1.0, cls, layer, head);
    }

    /** Side of the stored maps. */
    public int mapSize() {
        return mapSize;
    }

    /** Bytes currently held by the sums. */
    public long memoryBytes() {
        return 2L * sums.size() * mapSize * mapSize * Double.BYTES;
    }

    private double[][] matrix(double[] flat, double scale, int cls, int layer, int head) {
        if (flat == null) {
            throw new IllegalArgumentException("no map for class " + cls + ", layer " + layer + ", head " + head
                    + "; was it selected and did the class have accepted samples?");
        }
        double[][] m = new double[mapSize][mapSize];
        for (int i = 0; i < mapSize; i++) {
            for (int j = 0; j < mapSize; j++) {
                m[i][j] = flat[i * mapSize + j] * scale;
            }
        }
        return m;
    }
}
