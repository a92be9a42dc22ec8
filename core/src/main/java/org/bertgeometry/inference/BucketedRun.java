package org.bertgeometry.inference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.bertgeometry.capture.CaptureSink;
import org.bertgeometry.capture.CaptureSpec;
import org.bertgeometry.capture.CapturedTensor;
import org.bertgeometry.capture.ForwardingSink;
import org.bertgeometry.capture.SampleContext;
import org.bertgeometry.model.BatchInput;
import org.bertgeometry.model.BertModel;
import org.bertgeometry.model.ForwardResult;

/**
 * Runs sequences through a model in batches of similar length, so that short sequences are not padded
 * to the longest of an arbitrary batch, and hands every result back in the original order. Sequences
 * are taken in windows of a few batches; within a window they are sorted by length (ties keep their
 * order), cut into batches, run, and their outputs buffered until the window is done, then passed on
 * one by one in input order. A sequence's outputs are those of a forward pass on it alone up to float
 * rounding of the differently shaped kernels (padding never changes a real token's result), so every
 * consumer sees the same values in the same order as without bucketing. Memory: one window's outputs
 * and captures.
 */
public final class BucketedRun {

    /** Builds the right-padded batch of the sequences with these original indices, in this order. */
    public interface BatchFactory {
        BatchInput build(int[] indices);
    }

    /**
     * One sequence's results.
     *
     * @param index    position in the input
     * @param hidden   last hidden states of its real tokens, {@code [validLength][hidden]}
     * @param logits   classification logits, or {@code null} without a classifier
     * @param pooled   the pooler's output, or {@code null} where the model has no pooler
     * @param context  the sample as a capture sink sees it, as a batch of one ({@code batchRow} 0)
     * @param captures what the spec asked for, by hook name, in capture order
     */
    public record Output(int index, float[][] hidden, float[] logits, float[] pooled, SampleContext context,
            Map<String, CapturedTensor> captures) {

        /** Hands the captures to {@code sink} as a batch of one: every {@code accept}, then {@code sampleDone}. */
        public void replayTo(CaptureSink sink) {
            for (Map.Entry<String, CapturedTensor> e : captures.entrySet()) {
                sink.accept(context, e.getKey(), e.getValue());
            }
            sink.sampleDone(context);
        }
    }

    private final BertModel model;
    private final int batchSize;
    private final int windowBatches;

    /**
     * @param batchSize     sequences per forward pass
     * @param windowBatches batches sorted together (memory holds one window's outputs); at least 1
     */
    public BucketedRun(BertModel model, int batchSize, int windowBatches) {
        if (batchSize < 1 || windowBatches < 1) {
            throw new IllegalArgumentException("batch size and window must be positive, got " + batchSize + " and "
                    + windowBatches);
        }
        this.model = model;
        this.batchSize = batchSize;
        this.windowBatches = windowBatches;
    }

    /**
     * The batches, as original indices: each window of {@code batchSize × windowBatches} sequences
     * sorted by length (stable), cut into batches of at most {@code batchSize}.
     */
    public static List<int[]> plan(int[] lengths, int batchSize, int windowBatches) {
        List<int[]> out = new ArrayList<>();
        int window = Math.multiplyExact(batchSize, windowBatches);
        for (int from = 0; from < lengths.length; from += window) {
            int[] sorted = IntStream.range(from, Math.min(lengths.length, from + window)).boxed()
                    .sorted(Comparator.comparingInt(i -> lengths[i])).mapToInt(Integer::intValue).toArray();
            for (int b = 0; b < sorted.length; b += batchSize) {
                out.add(Arrays.copyOfRange(sorted, b, Math.min(sorted.length, b + batchSize)));
            }
        }
        return out;
    }

    /**
     * Runs every sequence; {@code outputs} receives them in input order.
     *
     * @param lengths  real token count of each sequence
     * @param batches  builds a padded batch from original indices
     * @param spec     what to capture ({@link CaptureSpec#none()} for nothing)
     * @param outputs  each sequence's results, in input order
     * @param progress called with the number of sequences run after each batch; may throw to stop
     */
    public void run(int[] lengths, BatchFactory batches, CaptureSpec spec, Consumer<Output> outputs,
            IntConsumer progress) {
        List<int[]> plan = plan(lengths, batchSize, windowBatches);
        Output[] window = new Output[batchSize * windowBatches];
        int windowStart = 0;
        int done = 0;
        for (int[] indices : plan) {
            if (indices[0] >= windowStart + window.length) {
                flush(window, outputs);
                windowStart += window.length;
            }
            BatchInput in = batches.build(indices);
            Buffer buffer = new Buffer(spec, indices.length);
            ForwardResult r = model.forward(in, buffer, false);
            for (int k = 0; k < indices.length; k++) {
                SampleContext c = buffer.contexts[k];
                window[indices[k] - windowStart] = new Output(indices[k],
                        Arrays.copyOf(r.lastHidden()[k], c.validLength()),
                        r.logits() == null ? null : r.logits()[k],
                        r.pooled() == null ? null : r.pooled()[k],
                        new SampleContext(0, c.inputIds(), c.label(), c.predicted()), buffer.captures.get(k));
            }
            done += indices.length;
            progress.accept(done);
        }
        flush(window, outputs);
    }

    private static void flush(Output[] window, Consumer<Output> outputs) {
        for (int i = 0; i < window.length; i++) {
            if (window[i] != null) {
                outputs.accept(window[i]);
                window[i] = null;
            }
        }
    }

    /** Keeps one batch's captures and sample contexts by batch row. */
    private static final class Buffer implements ForwardingSink {
        private final List<Map<String, CapturedTensor>> captures = new ArrayList<>();
        private final CaptureSink collect;
        private final SampleContext[] contexts;

        Buffer(CaptureSpec spec, int rows) {
            this.contexts = new SampleContext[rows];
            for (int r = 0; r < rows; r++) {
                captures.add(new LinkedHashMap<>());
            }
            this.collect = CaptureSink.collecting(spec, captures);
        }

        @Override
        public CaptureSink target() {
            return collect;
        }

        @Override
        public void sampleDone(SampleContext sample) {
            contexts[sample.batchRow()] = sample;
        }
    }
}
