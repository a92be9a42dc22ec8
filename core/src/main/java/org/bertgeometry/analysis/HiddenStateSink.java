package org.bertgeometry.analysis;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bertgeometry.capture.CaptureSink;
import org.bertgeometry.capture.CaptureSpec;
import org.bertgeometry.capture.CapturedTensor;
import org.bertgeometry.capture.ExactSums;
import org.bertgeometry.capture.HookPoint;
import org.bertgeometry.capture.HookPoint.Kind;
import org.bertgeometry.capture.MergeableState;
import org.bertgeometry.capture.SampleContext;
import org.bertgeometry.capture.SnapshotIo;
import org.bertgeometry.geometry.ConeIndex;

/**
 * Folds the hidden states into per-layer cone indices as they stream past (docs/methods.md, "Cone
 * index"), keeps the CLS vectors of the first {@code clsPerClass} samples per class and layer (first
 * by global index, so parts of a data set merge into what one pass keeps), and tracks each class's
 * shortest [SEP] position. Only correctly predicted samples count when the settings say so.
 */
final class HiddenStateSink implements CaptureSink, MergeableState<HiddenStateSink> {

    private final int layers;
    private final int classes;
    private final int clsPerClass;
    private final boolean onlyCorrect;
    private final int sepId;
    private final ExactSums coneSum;
    private final long[] coneCount;
    /** Per class and layer: global index to CLS vector, the smallest {@code clsPerClass} indices. */
    private final List<TreeMap<Long, double[]>> cls = new ArrayList<>();
    private final int[] crop;
    private long arrived;

    HiddenStateSink(int layers, int classes, int clsPerClass, boolean onlyCorrect, int sepId) {
        this.layers = layers;
        this.classes = classes;
        this.clsPerClass = clsPerClass;
        this.onlyCorrect = onlyCorrect;
        this.sepId = sepId;
        this.coneSum = new ExactSums(layers + 1);
        this.coneCount = new long[layers + 1];
        for (int i = 0; i < classes * layers; i++) {
            cls.add(new TreeMap<>());
        }
        this.crop = new int[classes];
        Arrays.fill(crop, Integer.MAX_VALUE);
    }

    @Override
    public CaptureSpec requires() {
        return CaptureSpec.of(Kind.EMBEDDINGS_OUTPUT.glob(), Kind.LAYER_OUTPUT.glob());
    }

    private boolean counted(SampleContext s) {
        return !onlyCorrect || s.correct();
    }

    @Override
    public void accept(SampleContext sample, String name, CapturedTensor value) {
        HookPoint point = HookPoint.parseOrNull(name);
        if (!counted(sample) || point == null
                || (point.kind() != Kind.EMBEDDINGS_OUTPUT && point.kind() != Kind.LAYER_OUTPUT)) {
            return;
        }
        int index = point.layer() + 1;                                   // 0 = embeddings
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
        coneSum.add(index, ConeIndex.of(z).normalized());
        coneCount[index]++;
        if (point.layer() >= 0) {
            keep(sample.label(), point.layer(), sample.indexOr(arrived + sample.batchRow()), z[0]);
        }
    }

    private void keep(int c, int layer, long index, double[] vector) {
        TreeMap<Long, double[]> m = cls.get(c * layers + layer);
        m.put(index, vector);
        if (m.size() > clsPerClass) {
            m.pollLastEntry();
        }
    }

    @Override
    public void sampleDone(SampleContext sample) {
        arrived++;
        if (counted(sample)) {
            crop[sample.label()] = Math.min(crop[sample.label()], sample.firstPositionOf(sepId));
        }
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
            out[i] = coneCount[i] == 0 ? Double.NaN : coneSum.get(i) / coneCount[i];
        }
        return out;
    }

    /** Per layer with any kept vector: the vectors of every class in ascending global index. */
    Map<Integer, GeometryResults.ClsVectors> clsVectors() {
        Map<Integer, GeometryResults.ClsVectors> out = new HashMap<>();
        for (int l = 0; l < layers; l++) {
            TreeMap<Long, Integer> labelOf = new TreeMap<>();
            Map<Long, double[]> vectorOf = new HashMap<>();
            for (int c = 0; c < classes; c++) {
                for (Map.Entry<Long, double[]> e : cls.get(c * layers + l).entrySet()) {
                    labelOf.put(e.getKey(), c);
                    vectorOf.put(e.getKey(), e.getValue());
                }
            }
            if (!labelOf.isEmpty()) {
                double[][] v = labelOf.keySet().stream().map(vectorOf::get).toArray(double[][]::new);
                int[] y = labelOf.values().stream().mapToInt(Integer::intValue).toArray();
                out.put(l, new GeometryResults.ClsVectors(v, y));
            }
        }
        return out;
    }

    double[][] clsConeByClass() {
        double[][] out = new double[classes][layers];
        for (int c = 0; c < classes; c++) {
            for (int l = 0; l < layers; l++) {
                TreeMap<Long, double[]> m = cls.get(c * layers + l);
                out[c][l] = m.isEmpty() ? Double.NaN
                        : ConeIndex.of(m.values().toArray(new double[0][])).normalized();
            }
        }
        return out;
    }

    @Override
    public void merge(HiddenStateSink other) {
        if (other.layers != layers || other.classes != classes || other.clsPerClass != clsPerClass
                || other.onlyCorrect != onlyCorrect || other.sepId != sepId) {
            throw new IllegalArgumentException("cannot merge hidden-state sinks made with different settings");
        }
        coneSum.addAll(other.coneSum);
        for (int i = 0; i <= layers; i++) {
            coneCount[i] += other.coneCount[i];
        }
        for (int c = 0; c < classes; c++) {
            for (int l = 0; l < layers; l++) {
                for (Map.Entry<Long, double[]> e : other.cls.get(c * layers + l).entrySet()) {
                    keep(c, l, e.getKey(), e.getValue());
                }
            }
            crop[c] = Math.min(crop[c], other.crop[c]);
        }
        arrived += other.arrived;
    }

    @Override
    public void write(DataOutput out) throws IOException {
        out.writeInt(layers);
        out.writeInt(classes);
        out.writeInt(clsPerClass);
        out.writeBoolean(onlyCorrect);
        out.writeInt(sepId);
        out.writeLong(arrived);
        coneSum.write(out);
        SnapshotIo.writeFixed(out, coneCount);
        SnapshotIo.writeFixed(out, crop);
        for (TreeMap<Long, double[]> m : cls) {
            out.writeInt(m.size());
            for (Map.Entry<Long, double[]> e : m.entrySet()) {
                out.writeLong(e.getKey());
                SnapshotIo.writeDoubles(out, e.getValue());
            }
        }
    }

    static HiddenStateSink read(DataInput in) throws IOException {
        HiddenStateSink s = new HiddenStateSink(in.readInt(), in.readInt(), in.readInt(), in.readBoolean(),
                in.readInt());
        s.arrived = in.readLong();
        s.coneSum.addAll(ExactSums.read(in));
        SnapshotIo.readFixed(in, s.coneCount);
        SnapshotIo.readFixed(in, s.crop);
        for (TreeMap<Long, double[]> m : s.cls) {
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                m.put(in.readLong(), SnapshotIo.readDoubles(in));
            }
        }
        return s;
    }
}
