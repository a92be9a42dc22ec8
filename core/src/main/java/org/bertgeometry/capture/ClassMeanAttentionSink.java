package org.bertgeometry.capture;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.bertgeometry.capture.HookPoint.Kind;

/**
 * Streaming class-mean attention maps, the paper's analysis A1 as its reference
 * implementation ({@code process_output_for_attention_analysis}) computes it; docs/capture.md,
 * "Class-mean attention", and docs/methods.md, "Class-mean attention maps", restate the rules. This is
 * the project's one implementation of the rule. For each accepted sample of class c and each selected
 * (layer, head), the attention map a is cut at the first [SEP] (row and column sep and everything after
 * them are zeroed, [CLS] is kept, rows are not renormalised) and added to a running sum S_c; the same
 * map with entries below θ set to zero is added to S^θ_c. Accepted means: labelled and, by default (as
 * in the paper), correctly predicted. {@link #mean} is S_c / count_c; {@link #thresholdSum} is S^θ_c,
 * left undivided as in the paper.
 *
 * <p>Our operationalisation where the paper is silent: a sequence without [SEP] is cut at its last real
 * token (so only padding is zeroed); maps are stored {@code mapSize × mapSize} and a cut longer than
 * {@code mapSize} is an error. The sums are {@link ExactSums}, so the state of parts of a data set
 * merges ({@link #merge}) into exactly the state of one pass; "the first sample of a class" is the one
 * with the smallest global index ({@link SampleContext#index()}). Memory is fixed by the selection, not
 * the data: at most classes × layers × heads × mapSize² × 32 bytes (two exact sums), allocated per
 * class on first use.
 */
public final class ClassMeanAttentionSink implements CaptureSink, MergeableState<ClassMeanAttentionSink> {

    /** The paper's θ for "high-confidence attention" (Vig et al. 2021). */
    public static final double PAPER_THETA = 0.3;

    /** Tag of this sink's snapshots ({@link Snapshots}). */
    public static final String SNAPSHOT_TAG = "class-mean-attention";

    private record Key(int cls, int layer, int head) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Integer.compare(cls, o.cls);
            c = c != 0 ? c : Integer.compare(layer, o.layer);
            return c != 0 ? c : Integer.compare(head, o.head);
        }
    }

    /** The accepted sample of a class with the smallest global index. */
    private record First(long index, int[] ids) {
    }

    private final CaptureSpec spec;
    private final int mapSize;
    private final int sepTokenId;
    private final double theta;
    private final boolean onlyCorrect;
    private final Map<Key, ExactSums> sums = new TreeMap<>();
    private final Map<Key, ExactSums> thresholdSums = new TreeMap<>();
    private final Map<Integer, Long> counts = new TreeMap<>();
    private final Map<Integer, First> firsts = new TreeMap<>();
    private long skipped;
    private long arrived;

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
        this.spec = selection.selecting(Kind.ATTENTION_PROBS);
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
        HookPoint point = spec.selectedAttentionProbs(name);
        if (point == null || !accepted(sample)) {
            return;
        }
        int cut = cut(sample);
        for (int h : value.heads()) {
            if (spec.selectsHead(h)) {
                add(new Key(sample.label(), point.layer(), h), value.headMatrix(h), cut);
            }
        }
    }

    /** Adds one map cut at {@code cut}: rows and columns {@code >= cut} are left out (zero). */
    private void add(Key key, float[][] a, int cut) {
        ExactSums s = sums.computeIfAbsent(key, k -> new ExactSums(mapSize * mapSize));
        ExactSums st = thresholdSums.computeIfAbsent(key, k -> new ExactSums(mapSize * mapSize));
        for (int i = 0; i < cut; i++) {
            for (int j = 0; j < cut; j++) {
                float v = a[i][j];
                s.add(i * mapSize + j, v);
                if (v >= theta) {
                    st.add(i * mapSize + j, v);
                }
            }
        }
    }

    @Override
    public void sampleDone(SampleContext sample) {
        long index = sample.indexOr(arrived);   // sampleDone comes in row order, so arrival = samples done
        if (accepted(sample)) {
            counts.merge(sample.label(), 1L, Long::sum);
            keepFirst(sample.label(), new First(index, sample.inputIds()));
        } else {
            skipped++;
        }
        arrived++;
    }

    private void keepFirst(int cls, First candidate) {
        firsts.merge(cls, candidate, (a, b) -> a.index() <= b.index() ? a : b);
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
        int sep = sample.firstPositionOf(sepTokenId);
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

    /**
     * Token ids of the accepted sample of {@code cls} with the smallest global index (the paper takes
     * tick labels from it); empty when the class has none.
     */
    public int[] firstSampleIds(int cls) {
        First f = firsts.get(cls);
        return f == null ? new int[0] : f.ids().clone();
    }

    /** Global index of that sample, or -1. */
    public long firstSampleIndex(int cls) {
        First f = firsts.get(cls);
        return f == null ? -1 : f.index();
    }

    /** M_c[l,h] = S_c[l,h] / count_c as {@code mapSize × mapSize}. */
    public double[][] mean(int cls, int layer, int head) {
        long n = count(cls);
        if (n == 0) {
            throw new IllegalArgumentException("no accepted sample of class " + cls);
        }
        return matrix(sums.get(new Key(cls, layer, head)), n, cls, layer, head);
    }

    /** S_c[l,h], the undivided sum of cut maps (what parts of a data set add up). */
    public double[][] sum(int cls, int layer, int head) {
        return matrix(sums.get(new Key(cls, layer, head)), 1, cls, layer, head);
    }

    /** S^θ_c[l,h], the undivided sum of thresholded maps (as the paper keeps it). */
    public double[][] thresholdSum(int cls, int layer, int head) {
        return matrix(thresholdSums.get(new Key(cls, layer, head)), 1, cls, layer, head);
    }

    /** Side of the stored maps. */
    public int mapSize() {
        return mapSize;
    }

    /** Bytes currently held by the sums. */
    public long memoryBytes() {
        return 2L * sums.size() * mapSize * mapSize * 2 * Long.BYTES;
    }

    private double[][] matrix(ExactSums flat, long divisor, int cls, int layer, int head) {
        if (flat == null) {
            throw new IllegalArgumentException("no map for class " + cls + ", layer " + layer + ", head " + head
                    + "; was it selected and did the class have accepted samples?");
        }
        double[][] m = new double[mapSize][mapSize];
        for (int i = 0; i < mapSize; i++) {
            for (int j = 0; j < mapSize; j++) {
                m[i][j] = flat.get(i * mapSize + j) / divisor;
            }
        }
        return m;
    }

    /**
     * The part of this state that belongs to one (layer, head): the same counts, first samples and
     * skipped counts, and copies of only that head's two sums. The blocks of one head from parts of a
     * data set merge ({@link #merge}) into exactly the block of one pass, so a distributed runner can
     * reduce each head where it is instead of sending whole states to one place (docs/spark.md).
     */
    public ClassMeanAttentionSink head(int layer, int head) {
        return copyWith(k -> k.layer() == layer && k.head() == head);
    }

    /** This state without any sums: the counts, first samples and skipped counts that every block also carries. */
    public ClassMeanAttentionSink withoutMaps() {
        return copyWith(k -> false);
    }

    private ClassMeanAttentionSink copyWith(Predicate<Key> keep) {
        ClassMeanAttentionSink c = new ClassMeanAttentionSink(spec, mapSize, sepTokenId, theta, onlyCorrect);
        sums.forEach((k, v) -> {
            if (keep.test(k)) {
                c.sums.put(k, v.copy());
                c.thresholdSums.put(k, thresholdSums.get(k).copy());
            }
        });
        c.counts.putAll(counts);
        c.firsts.putAll(firsts);
        c.skipped = skipped;
        c.arrived = arrived;
        return c;
    }

    @Override
    public void merge(ClassMeanAttentionSink other) {
        if (other.mapSize != mapSize || other.sepTokenId != sepTokenId || other.theta != theta
                || other.onlyCorrect != onlyCorrect || !other.spec.equals(spec)) {
            throw new IllegalArgumentException("cannot merge class-mean sinks made with different settings");
        }
        other.sums.forEach((k, v) -> sums.computeIfAbsent(k, x -> new ExactSums(mapSize * mapSize)).addAll(v));
        other.thresholdSums.forEach((k, v) ->
                thresholdSums.computeIfAbsent(k, x -> new ExactSums(mapSize * mapSize)).addAll(v));
        other.counts.forEach((c, n) -> counts.merge(c, n, Long::sum));
        other.firsts.forEach(this::keepFirst);
        skipped += other.skipped;
        arrived += other.arrived;
    }

    @Override
    public void write(DataOutput out) throws IOException {
        SnapshotIo.writeSelection(out, spec);
        out.writeInt(mapSize);
        out.writeInt(sepTokenId);
        out.writeDouble(theta);
        out.writeBoolean(onlyCorrect);
        out.writeLong(skipped);
        out.writeLong(arrived);
        out.writeInt(counts.size());
        for (Map.Entry<Integer, Long> e : counts.entrySet()) {
            out.writeInt(e.getKey());
            out.writeLong(e.getValue());
            First f = firsts.get(e.getKey());
            out.writeLong(f.index());
            SnapshotIo.writeInts(out, f.ids());
        }
        out.writeInt(sums.size());
        for (Map.Entry<Key, ExactSums> e : sums.entrySet()) {
            out.writeInt(e.getKey().cls());
            out.writeInt(e.getKey().layer());
            out.writeInt(e.getKey().head());
            e.getValue().write(out);
            thresholdSums.get(e.getKey()).write(out);
        }
    }

    /** Reads what {@link #write} wrote. */
    public static ClassMeanAttentionSink read(DataInput in) throws IOException {
        CaptureSpec selection = SnapshotIo.readSelection(in);
        ClassMeanAttentionSink s = new ClassMeanAttentionSink(selection, in.readInt(), in.readInt(), in.readDouble(),
                in.readBoolean());
        s.skipped = in.readLong();
        s.arrived = in.readLong();
        int classes = in.readInt();
        for (int i = 0; i < classes; i++) {
            int cls = in.readInt();
            s.counts.put(cls, in.readLong());
            s.firsts.put(cls, new First(in.readLong(), SnapshotIo.readInts(in)));
        }
        int maps = in.readInt();
        for (int i = 0; i < maps; i++) {
            Key k = new Key(in.readInt(), in.readInt(), in.readInt());
            s.sums.put(k, ExactSums.read(in));
            s.thresholdSums.put(k, ExactSums.read(in));
        }
        return s;
    }

    /** This sink's state as a snapshot ({@link Snapshots}). */
    public byte[] snapshot() {
        return Snapshots.toBytes(SNAPSHOT_TAG, this);
    }

    /** A sink restored from {@link #snapshot()}. */
    public static ClassMeanAttentionSink fromSnapshot(byte[] bytes) {
        return Snapshots.fromBytes(SNAPSHOT_TAG, bytes, ClassMeanAttentionSink::read);
    }

    @Override
    public String toString() {
        return "ClassMeanAttentionSink[mapSize=" + mapSize + ", counts=" + counts + ", skipped=" + skipped
                + ", maps=" + sums.size() + ", firsts=" + Arrays.toString(firsts.keySet().toArray()) + "]";
    }
}
