package org.bertgeometry.model;

import ai.djl.ndarray.NDArray;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bertgeometry.capture.CaptureSink;
import org.bertgeometry.capture.CaptureSpec;
import org.bertgeometry.capture.CapturedTensor;
import org.bertgeometry.capture.HookPoint;
import org.bertgeometry.capture.HookPoint.Layout;
import org.bertgeometry.capture.SampleContext;

/**
 * Collects the hook points a {@link CaptureSpec} asks for during one forward pass. Each value is
 * copied out of native memory at once, in one copy straight into the per-sample arrays the sinks
 * receive (cropped to each sample's real tokens, selected heads only), so the native array can be freed
 * with its layer. After the pass {@link #deliver} hands them to the sink, hook point by hook point,
 * sample by sample. When the spec is empty {@link #wants} is false everywhere and nothing is copied.
 * The native arrays carry the batch axis in front of the per-sample {@link Layout}: {@code (B, T, D)},
 * {@code (B, heads, T, T)}, {@code (B, heads, T, headDim)} or {@code (B, D)}.
 */
final class Recorder {

    private final CaptureSpec spec;
    private final int[] heads;
    private final int[] validLengths;
    private final boolean uncropped;
    /** Per hook, in capture order, one tensor per sample. */
    private final Map<String, CapturedTensor[]> entries = new LinkedHashMap<>();
    /** Uncropped mode: per hook, the flattened arrays of its batch slices in row order. */
    private final Map<String, List<float[]>> raw = new LinkedHashMap<>();

    private Recorder(CaptureSpec spec, int numHeads, BatchInput in, boolean uncropped) {
        this.spec = spec;
        this.heads = spec.isEmpty() ? new int[0] : spec.selectedHeads(numHeads);
        this.validLengths = new int[in.batchSize()];
        for (int r = 0; r < validLengths.length; r++) {
            validLengths[r] = in.validLength(r);
        }
        this.uncropped = uncropped;
    }

    /** Records what {@code spec} asks for, cropped per sample of {@code in}. */
    Recorder(CaptureSpec spec, int numHeads, BatchInput in) {
        this(spec, numHeads, in, false);
    }

    /** Test hook: keeps the whole arrays, padding included, readable through {@link #raw}. */
    static Recorder uncropped(CaptureSpec spec, int numHeads, BatchInput in) {
        return new Recorder(spec, numHeads, in, true);
    }

    boolean wants(String name) {
        return !spec.isEmpty() && spec.wants(name);
    }

    /**
     * Copies {@code value} to the host if the spec wants it; the native array may be closed afterwards.
     * How it is cropped follows from the hook point's {@link Layout}, so the name is the only description.
     */
    void record(String name, NDArray value) {
        record(name, value, 0);
    }

    /**
     * As {@link #record(String, NDArray)} for a slice of the batch: row 0 of {@code value} is
     * batch row {@code firstRow}. The slices of one hook arrive in row order.
     */
    void record(String name, NDArray value, int firstRow) {
        if (!wants(name)) {
            return;
        }
        Layout layout = HookPoint.parse(name).layout();
        if (uncropped) {
            raw.computeIfAbsent(name, n -> new ArrayList<>()).add(value.toFloatArray());
            return;
        }
        long[] shape = value.getShape().getShape();
        // a view of the native (contiguous) data: read once, into the cropped per-sample arrays
        FloatBuffer all = value.toByteBuffer(true).order(ByteOrder.nativeOrder()).asFloatBuffer();
        CapturedTensor[] out = entries.computeIfAbsent(name, n -> new CapturedTensor[validLengths.length]);
        for (int r = 0; r < shape[0]; r++) {
            out[firstRow + r] = slice(all, shape, layout, r, validLengths[firstRow + r]);
        }
    }

    /** The i-th kept hook, flattened, padding included (tests; {@link #uncropped} only). */
    float[] raw(int i) {
        List<float[]> parts = new ArrayList<>(raw.values()).get(i);
        float[] out = new float[parts.stream().mapToInt(p -> p.length).sum()];
        int o = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }

    /** Hands every kept capture to {@code sink}, then calls {@code sampleDone} per sample in row order. */
    void deliver(BatchInput in, int[] predicted, CaptureSink sink) {
        int b = in.batchSize();
        SampleContext[] ctx = new SampleContext[b];
        for (int r = 0; r < b; r++) {
            int[] ids = Arrays.copyOf(in.inputIds()[r], validLengths[r]);
            ctx[r] = new SampleContext(r, ids, in.hasLabels() ? in.labels()[r] : -1, predicted[r]);
        }
        for (Map.Entry<String, CapturedTensor[]> e : entries.entrySet()) {
            for (int r = 0; r < b; r++) {
                sink.accept(ctx[r], e.getKey(), e.getValue()[r]);
            }
        }
        for (int r = 0; r < b; r++) {
            sink.sampleDone(ctx[r]);
        }
    }

    private CapturedTensor slice(FloatBuffer all, long[] shape, Layout layout, int r, int len) {
        switch (layout) {
            case VECTOR: {
                int d = (int) shape[1];
                float[] out = new float[d];
                all.get(r * d, out, 0, d);
                return new CapturedTensor(new int[] {d}, out, new int[0]);
            }
            case TOKENS: {
                int t = (int) shape[1];
                int d = (int) shape[2];
                float[] out = new float[len * d];
                all.get(r * t * d, out, 0, len * d);
                return new CapturedTensor(new int[] {len, d}, out, new int[0]);
            }
            case HEAD_MAP:
            case HEAD_TOKENS: {
                int nh = (int) shape[1];
                int t = (int) shape[2];
                int cols = (int) shape[3];
                int keep = layout == Layout.HEAD_MAP ? len : cols;
                float[] out = new float[heads.length * len * keep];
                int o = 0;
                for (int h : heads) {
                    int base = ((r * nh + h) * t) * cols;
                    for (int i = 0; i < len; i++) {
                        all.get(base + i * cols, out, o, keep);
                        o += keep;
                    }
                }
                return new CapturedTensor(new int[] {heads.length, len, keep}, out, heads);
            }
            default:
                throw new IllegalStateException("unhandled layout " + layout);
        }
    }
}
