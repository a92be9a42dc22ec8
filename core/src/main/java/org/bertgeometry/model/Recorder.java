package org.bertgeometry.model;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import org.bertgeometry.capture.CaptureSink;
import org.bertgeometry.capture.CaptureSpec;
import org.bertgeometry.capture.CapturedTensor;
import org.bertgeometry.capture.SampleContext;

/**
 * Collects the hook points a {@link CaptureSpec} asks for during one forward pass, as native arrays,
 * and afterwards copies them to Java memory one hook point at a time, sample by sample, cropped to
 * each sample's real tokens. When the spec is empty {@link #wants} is false everywhere and nothing is
 * kept or copied.
 */
final class Recorder {

    /** How a hook's native array is laid out, and so how to crop it per sample. */
    enum Layout {
        /** {@code (B, T, D)}: crop T. */
        TOKENS,
        /** {@code (B, heads, T, T)}: select heads, crop both T axes. */
        HEAD_MAP,
        /** {@code (B, heads, T, headDim)}: select heads, crop T. */
        HEAD_TOKENS,
        /** {@code (B, D)}. */
        VECTOR
    }

    private record Entry(String name, NDArray value, Layout layout) {
    }

    private final CaptureSpec spec;
    private final int[] heads;
    private final List<Entry> entries = new ArrayList<>();

    Recorder(CaptureSpec spec, int numHeads) {
        this.spec = spec;
        this.heads = spec.isEmpty() ? new int[0] : spec.selectedHeads(numHeads);
    }

    boolean wants(String name) {
        return !spec.isEmpty() && spec.wants(name);
    }

    /** Keeps {@code value} (it stays attached to the forward pass's manager) if the spec wants it. */
    void record(String name, NDArray value, Layout layout) {
        if (wants(name)) {
            entries.add(new Entry(name, value.stopGradient(), layout));
        }
    }

    /** The i-th kept array, flattened (tests). */
    float[] raw(int i) {
        return entries.get(i).value.toFloatArray();
    }

    /** Copies every kept array to the host and hands each sample's slice to {@code sink}. */
    void deliver(BatchInput in, int[] predicted, CaptureSink sink) {
        int b = in.batchSize();
        SampleContext[] ctx = new SampleContext[b];
        for (int r = 0; r < b; r++) {
            int len = in.validLength(r);
            int[] ids = java.util.Arrays.copyOf(in.inputIds()[r], len);
            ctx[r] = new SampleContext(r, ids, in.hasLabels() ? in.labels()[r] : -1, predicted[r]);
        }
        int t = in.length();
        for (Entry e : entries) {
            float[] all = e.value.toFloatArray();
            long[] shape = e.value.getShape().getShape();
            for (int r = 0; r < b; r++) {
                int len = ctx[r].validLength();
                sink.accept(ctx[r], e.name, slice(all, shape, e.layout, r, len, t));
            }
        }
        for (int r = 0; r < b; r++) {
            sink.sampleDone(ctx[r]);
        }
    }

    private CapturedTensor slice(float[] all, long[] shape, Layout layout, int r, int len, int t) {
        switch (layout) {
            case VECTOR: {
                int d = (int) shape[1];
                float[] out = new float[d];
                System.arraycopy(all, r * d, out, 0, d);
                return new CapturedTensor(new int[] {d}, out, new int[0]);
            }
            case TOKENS: {
                int d = (int) shape[2];
                float[] out = new float[len * d];
                System.arraycopy(all, r * t * d, out, 0, len * d);
                return new CapturedTensor(new int[] {len, d}, out, new int[0]);
            }
            case HEAD_MAP:
            case HEAD_TOKENS: {
                int nh = (int) shape[1];
                int cols = (int) shape[3];
                int keep = layout == Layout.HEAD_MAP ? len : cols;
                float[] out = new float[heads.length * len * keep];
                int o = 0;
                for (int h : heads) {
                    int base = ((r * nh + h) * t) * cols;
                    for (int i = 0; i < len; i++) {
                        System.arraycopy(all, base + i * cols, out, o, keep);
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
