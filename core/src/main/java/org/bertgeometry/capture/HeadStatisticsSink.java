package org.bertgeometry.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Applies a list of {@link HeadStatistic}s to every selected head's attention map of every sample as
 * inference runs, and streams one {@link Row} per (sample, layer, head) to a consumer. Nothing is kept:
 * memory is one map at a time, independent of the number of samples.
 */
public final class HeadStatisticsSink implements CaptureSink {

    /**
     * @param sample    sample number in arrival order (0-based)
     * @param layer     layer (0-based)
     * @param head      head (0-based)
     * @param label     gold label or -1
     * @param predicted predicted class or -1
     * @param values    one value per statistic, in {@link #statisticNames()} order
     */
    public record Row(long sample, int layer, int head, int label, int predicted, double[] values) {
    }

    private final CaptureSpec spec;
    private final List<HeadStatistic> statistics;
    private final Consumer<Row> out;
    private long done;

    /**
     * @param selection  layers and heads (its patterns are ignored; empty selections mean all)
     * @param statistics what to compute per map
     * @param out        receives the rows; within a batch they come layer by layer, then sample, then head
     */
    public HeadStatisticsSink(CaptureSpec selection, List<HeadStatistic> statistics, Consumer<Row> out) {
        if (statistics.isEmpty()) {
            throw new IllegalArgumentException("give at least one statistic");
        }
        this.spec = new CaptureSpec(List.of("layer.*.attention.probs"), selection.layers(), selection.heads());
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
        if (!name.endsWith(".attention.probs")) {
            return;
        }
        int layer = HookNames.layerOf(name);
        if (!spec.layers().isEmpty() && !spec.layers().contains(layer)) {
            return;
        }
        for (int h : value.heads()) {
            if (!spec.heads().isEmpty() && !spec.heads().contains(h)) {
                continue;
            }
            float[][] map = value.headMatrix(h);
            double[] v = new double[statistics.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = statistics.get(i).compute(map, sample.validLength());
            }
            out.accept(new Row(done + sample.batchRow(), layer, h, sample.label(), sample.predicted(), v));
        }
    }

    @Override
    public void sampleDone(SampleContext sample) {
        done++;
    }
}
