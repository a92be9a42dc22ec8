package org.bertgeometry.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bertgeometry.capture.HookPoint.Kind;

/**
 * Applies a list of {@link AttentionMapStatistic}s to every selected head's attention map of every sample as
 * inference runs, and streams one {@link Row} per (sample, layer, head) to a consumer. Nothing is kept:
 * memory is one map at a time, independent of the number of samples. To keep per-head means that
 * merge across parts of a data set, let a {@link AttentionMapStatisticSums} consume the rows.
 */
public final class AttentionMapStatisticSink implements CaptureSink {

    /**
     * @param sample    global index of the sample ({@link SampleContext#index()}; arrival order when
     *                  the caller gave none)
     * @param layer     layer (0-based)
     * @param head      head (0-based)
     * @param label     gold label or -1
     * @param predicted predicted class or -1
     * @param values    one value per statistic, in {@link #statisticNames()} order
     */
    public record Row(long sample, int layer, int head, int label, int predicted, double[] values) {
    }

    private final CaptureSpec spec;
    private final List<AttentionMapStatistic> statistics;
    private final Consumer<Row> out;
    private long done;

    /**
     * @param selection  layers and heads (its patterns are ignored; empty selections mean all)
     * @param statistics what to compute per map
     * @param out        receives the rows; within a batch they come layer by layer, then sample, then head
     */
    public AttentionMapStatisticSink(CaptureSpec selection, List<AttentionMapStatistic> statistics, Consumer<Row> out) {
        if (statistics.isEmpty()) {
            throw new IllegalArgumentException("give at least one statistic");
        }
        this.spec = selection.selecting(Kind.ATTENTION_PROBS);
        this.statistics = List.copyOf(statistics);
        this.out = out;
    }

    /** Names of the statistics, the order of {@link Row#values()}. */
    public List<String> statisticNames() {
        List<String> n = new ArrayList<>();
        statistics.forEach(s -> n.add(s.name()));
        return n;
    }

    @Override
    public CaptureSpec requires() {
        return spec;
    }

    @Override
    public void accept(SampleContext sample, String name, CapturedTensor value) {
        HookPoint point = spec.selectedAttentionProbs(name);
        if (point == null) {
            return;
        }
        for (int h : value.heads()) {
            if (!spec.selectsHead(h)) {
                continue;
            }
            float[][] map = value.headMatrix(h);
            double[] v = new double[statistics.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = statistics.get(i).compute(map, sample.validLength());
            }
            out.accept(new Row(sample.indexOr(done + sample.batchRow()), point.layer(), h, sample.label(),
                    sample.predicted(), v));
        }
    }

    @Override
    public void sampleDone(SampleContext sample) {
        done++;
    }
}
