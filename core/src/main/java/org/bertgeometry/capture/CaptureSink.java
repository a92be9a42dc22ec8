package org.bertgeometry.capture;

import java.util.List;
import java.util.Map;

/**
 * Receives captured activations as the model produces them, one (sample, hook name) at a time, so
 * that a consumer can keep, fold or discard them without the whole batch's captures ever being held
 * in Java memory at once.
 *
 * <p>Order contract (relied on by the sinks that number samples): within one batch, every
 * {@link #accept} call comes before any {@link #sampleDone} call, and {@code sampleDone} is called
 * once per sample in batch-row order. A sink may therefore number a sample as (samples done before
 * this batch) + {@code batchRow}. When the spec is the union of several sinks' needs, a sink may be
 * handed heads or layers it did not ask for; it ignores them.
 */
public interface CaptureSink {

    /** The points this sink needs; the caller unites these into the forward pass's spec. */
    CaptureSpec requires();

    /** One captured tensor of one sample. */
    void accept(SampleContext sample, String name, CapturedTensor value);

    /** Called once per sample after all its tensors. */
    default void sampleDone(SampleContext sample) {
    }

    /**
     * A sink that keeps what {@code spec} asks for, per sample: {@code into.get(batchRow)} receives
     * each captured tensor under its hook name. For callers that need a batch's captures after the
     * pass; the others should fold them as they arrive.
     */
    static CaptureSink collecting(CaptureSpec spec, List<? extends Map<String, CapturedTensor>> into) {
        return new CaptureSink() {
            @Override
            public CaptureSpec requires() {
                return spec;
            }

            @Override
            public void accept(SampleContext sample, String name, CapturedTensor value) {
                into.get(sample.batchRow()).put(name, value);
            }
        };
    }

    /**
     * {@code sink} fed with contexts that carry global indices: batch row {@code r} is sample
     * {@code indexOfRow[r]} of the data set. For runners that split a data set or reorder it (length
     * bucketing), so that mergeable sinks agree with one pass in data-set order.
     */
    static CaptureSink numbered(CaptureSink sink, long[] indexOfRow) {
        long[] rows = indexOfRow.clone();
        return new CaptureSink() {
            @Override
            public CaptureSpec requires() {
                return sink.requires();
            }

            @Override
            public void accept(SampleContext sample, String name, CapturedTensor value) {
                sink.accept(sample.withIndex(rows[sample.batchRow()]), name, value);
            }

            @Override
            public void sampleDone(SampleContext sample) {
                sink.sampleDone(sample.withIndex(rows[sample.batchRow()]));
            }
        };
    }

    /** A sink that forwards everything to each of {@code sinks}, in order. */
    static CaptureSink fanOut(List<? extends CaptureSink> sinks) {
        List<CaptureSink> copy = List.copyOf(sinks);
        return new CaptureSink() {
            @Override
            public CaptureSpec requires() {
                CaptureSpec s = CaptureSpec.none();
                for (CaptureSink k : copy) {
                    s = s.union(k.requires());
                }
                return s;
            }

            @Override
            public void accept(SampleContext sample, String name, CapturedTensor value) {
                for (CaptureSink k : copy) {
                    if (k.requires().wants(name)) {
                        k.accept(sample, name, value);
                    }
                }
            }

            @Override
            public void sampleDone(SampleContext sample) {
                for (CaptureSink k : copy) {
                    k.sampleDone(sample);
                }
            }
        };
    }
}
