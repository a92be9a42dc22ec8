package org.bertgeometry.analysis;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.bertgeometry.capture.AttentionMapStatistic;
import org.bertgeometry.capture.AttentionMapStatisticSink;
import org.bertgeometry.capture.AttentionMapStatisticSums;
import org.bertgeometry.capture.CaptureSink;
import org.bertgeometry.capture.CaptureSpec;
import org.bertgeometry.capture.ClassMeanAttentionSink;
import org.bertgeometry.capture.ForwardingSink;
import org.bertgeometry.capture.MergeableState;
import org.bertgeometry.capture.SampleContext;
import org.bertgeometry.capture.SnapshotIo;
import org.bertgeometry.capture.Snapshots;
import org.bertgeometry.geometry.ConeIndex;
import org.bertgeometry.geometry.MetastableK;

/**
 * Everything the geometry run folds from the forward passes over a data set, as one sink with one
 * mergeable state: class-mean attention sums, per-head means of the metastable size k and the row cone
 * index, hidden-state cone indices and CLS vectors, and the confusion counts of the predictions. The
 * state of parts of a data set (samples numbered by global index) merges into exactly the state of
 * one pass, which is how {@link AttentionGeometryRun} and the spark module share one computation.
 */
public final class GeometryCapture implements ForwardingSink, MergeableState<GeometryCapture> {

    /** Tag of this state's snapshots ({@link Snapshots}). */
    public static final String SNAPSHOT_TAG = "geometry-capture";

    static final String K_MEDIAN = "k_median";
    static final String ROW_CONE = "row_cone_normalized";

    private final int classes;
    private final GeometryRunSettings settings;
    private final ClassMeanAttentionSink means;
    private final AttentionMapStatisticSums headSums;
    private final HiddenStateSink hidden;
    private final long[] confusion;
    private final CaptureSink all;

    private GeometryCapture(int classes, GeometryRunSettings settings, ClassMeanAttentionSink means,
            AttentionMapStatisticSums headSums, HiddenStateSink hidden) {
        this.classes = classes;
        this.settings = settings;
        this.means = means;
        this.headSums = headSums;
        this.hidden = hidden;
        this.confusion = new long[classes * classes];
        MetastableK.Params kParams = new MetastableK.Params(settings.kThreshold());
        List<AttentionMapStatistic> stats = List.of(
                new NamedStatistic(K_MEDIAN, (map, n) -> MetastableK.ofRows(map, kParams).median()),
                new NamedStatistic(ROW_CONE, (map, n) -> ConeIndex.of(map, ConeIndex.Params.defaults()).normalized()));
        this.all = CaptureSink.fanOut(List.of(means, new AttentionMapStatisticSink(CaptureSpec.none(), stats, headSums),
                hidden));
    }

    /**
     * An empty capture.
     *
     * @param layers   layers of the model
     * @param heads    heads per layer
     * @param classes  classes of the classifier
     * @param mapSize  side of the stored class-mean maps: at least the longest sequence
     * @param sepId    id of [SEP]
     * @param settings what to measure
     */
    public static GeometryCapture create(int layers, int heads, int classes, int mapSize, int sepId,
            GeometryRunSettings settings) {
        return new GeometryCapture(classes, settings,
                new ClassMeanAttentionSink(CaptureSpec.none(), mapSize, sepId, settings.thetaHi(), settings.onlyCorrect()),
                new AttentionMapStatisticSums(List.of(K_MEDIAN, ROW_CONE), layers, heads, settings.onlyCorrect()),
                new HiddenStateSink(layers, classes, settings.clsPerClass(), settings.onlyCorrect(), sepId));
    }

    /** The fan-out to the per-measurement sinks. */
    @Override
    public CaptureSink target() {
        return all;
    }

    @Override
    public void sampleDone(SampleContext sample) {
        ForwardingSink.super.sampleDone(sample);
        confusion[sample.label() * classes + sample.predicted()]++;
    }

    ClassMeanAttentionSink means() {
        return means;
    }

    AttentionMapStatisticSums headSums() {
        return headSums;
    }

    HiddenStateSink hidden() {
        return hidden;
    }

    /** Side of the stored class-mean maps. */
    public int mapSize() {
        return means.mapSize();
    }

    /**
     * Per class, the shortest [SEP] position among its aggregated samples (0 for a class without any):
     * the side to which its class-mean maps are cropped.
     */
    public int[] cropPerClass() {
        return hidden.cropPerClass();
    }

    /**
     * The class-mean state of one (layer, head) as a snapshot of a {@link ClassMeanAttentionSink}
     * ({@link ClassMeanAttentionSink#head}): blocks of the same head from parts of a data set merge into
     * the block of one pass, which {@link AttentionGeometryRun#headGates} reads.
     */
    public byte[] classMeanBlock(int layer, int head) {
        return means.head(layer, head).snapshot();
    }

    /**
     * A snapshot of everything but the class-mean sums (those travel as {@link #classMeanBlock}s): the
     * counts and first samples of the class means, the head statistics, the hidden-state part and the
     * confusion counts. It merges with its kind like any snapshot.
     */
    public byte[] snapshotWithoutClassMeanMaps() {
        GeometryCapture rest = new GeometryCapture(classes, settings, means.withoutMaps(), headSums, hidden);
        System.arraycopy(confusion, 0, rest.confusion, 0, confusion.length);
        return rest.snapshot();
    }

    /** The settings this capture was made with. */
    public GeometryRunSettings settings() {
        return settings;
    }

    /** Samples seen so far. */
    public long samples() {
        return Arrays.stream(confusion).sum();
    }

    /** Samples with gold label {@code label} that the model predicted as {@code predicted}. */
    public long confusion(int label, int predicted) {
        return confusion[label * classes + predicted];
    }

    /**
     * The gold labels and predictions as two arrays, grouped by (label, prediction) rather than in
     * data-set order: what order-free metrics (accuracy, F1, confusion) need.
     */
    public int[][] labelsAndPredictions() {
        int n = Math.toIntExact(samples());
        int[] y = new int[n];
        int[] p = new int[n];
        int i = 0;
        for (int a = 0; a < classes; a++) {
            for (int b = 0; b < classes; b++) {
                for (long k = 0; k < confusion(a, b); k++, i++) {
                    y[i] = a;
                    p[i] = b;
                }
            }
        }
        return new int[][] {y, p};
    }

    @Override
    public void merge(GeometryCapture other) {
        if (other.classes != classes || !other.settings.equals(settings)) {
            throw new IllegalArgumentException("cannot merge geometry captures made with different settings");
        }
        means.merge(other.means);
        headSums.merge(other.headSums);
        hidden.merge(other.hidden);
        for (int i = 0; i < confusion.length; i++) {
            confusion[i] += other.confusion[i];
        }
    }

    @Override
    public void write(DataOutput out) throws IOException {
        out.writeInt(classes);
        out.writeInt(settings.batchSize());
        out.writeDouble(settings.thetaHi());
        out.writeDouble(settings.kThreshold());
        out.writeBoolean(settings.onlyCorrect());
        out.writeInt(settings.clsPerClass());
        means.write(out);
        headSums.write(out);
        hidden.write(out);
        SnapshotIo.writeFixed(out, confusion);
    }

    /** Reads what {@link #write} wrote. */
    public static GeometryCapture read(DataInput in) throws IOException {
        int classes = in.readInt();
        GeometryRunSettings settings = new GeometryRunSettings(in.readInt(), in.readDouble(), in.readDouble(),
                in.readBoolean(), in.readInt());
        GeometryCapture g = new GeometryCapture(classes, settings, ClassMeanAttentionSink.read(in),
                AttentionMapStatisticSums.read(in), HiddenStateSink.read(in));
        SnapshotIo.readFixed(in, g.confusion);
        return g;
    }

    /** This state as a snapshot ({@link Snapshots}). */
    public byte[] snapshot() {
        return Snapshots.toBytes(SNAPSHOT_TAG, this);
    }

    /** A capture restored from {@link #snapshot()}. */
    public static GeometryCapture fromSnapshot(byte[] bytes) {
        return Snapshots.fromBytes(SNAPSHOT_TAG, bytes, GeometryCapture::read);
    }

    private record NamedStatistic(String name, Computation f) implements AttentionMapStatistic {
        @Override
        public double compute(float[][] map, int validLength) {
            return f.apply(map, validLength);
        }
    }

    private interface Computation {
        double apply(float[][] map, int n);
    }
}
