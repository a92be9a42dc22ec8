package org.bertgeometry.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sinks on hand-made attention maps; expected values are worked out in the comments. */
class SinksTest {

    static final int CLS = 1;
    static final int SEP = 2;

    static CapturedTensor oneHead(float[][] m) {
        int t = m.length;
        float[] d = new float[t * t];
        for (int i = 0; i < t; i++) {
            System.arraycopy(m[i], 0, d, i * t, t);
        }
        return new CapturedTensor(new int[] {1, t, t}, d, new int[] {0});
    }

    static void feed(CaptureSink sink, List<SampleContext> batch, List<CapturedTensor> maps) {
        for (int r = 0; r < batch.size(); r++) {
            sink.accept(batch.get(r), "layer.0.attention.probs", maps.get(r));
        }
        batch.forEach(sink::sampleDone);
    }

    @Test
    void classMeanCutsAtSepKeepsClsSkipsMispredictedAndKeepsThresholdSumUndivided() {
        ClassMeanAttentionSink sink = new ClassMeanAttentionSink(CaptureSpec.none(), 3, SEP, 0.3, true);
        // sample 1: ids [CLS, 7, SEP, 8], class 0, correct: kept block rows/cols 0..1 = [[.5,.2],[.1,.6]]
        SampleContext s1 = new SampleContext(0, new int[] {CLS, 7, SEP, 8}, 0, 0);
        CapturedTensor m1 = oneHead(new float[][] {
            {0.5f, 0.2f, 0.2f, 0.1f}, {0.1f, 0.6f, 0.2f, 0.1f}, {0.25f, 0.25f, 0.25f, 0.25f}, {0.4f, 0.3f, 0.2f, 0.1f}});
        // sample 2: ids [CLS, 9, SEP], class 0, correct: kept block [[.3,.4],[.2,.7]]
        SampleContext s2 = new SampleContext(1, new int[] {CLS, 9, SEP}, 0, 0);
        CapturedTensor m2 = oneHead(new float[][] {{0.3f, 0.4f, 0.3f}, {0.2f, 0.7f, 0.1f}, {0.3f, 0.3f, 0.4f}});
        // sample 3: class 0 but predicted 1: skipped entirely
        SampleContext s3 = new SampleContext(2, new int[] {CLS, 9, SEP}, 0, 1);
        CapturedTensor m3 = oneHead(new float[][] {{1, 0, 0}, {1, 0, 0}, {1, 0, 0}});
        feed(sink, List.of(s1, s2, s3), List.of(m1, m2, m3));

        assertEquals(2, sink.count(0));
        assertEquals(1, sink.skippedIncorrect());
        // mean = ([[.5,.2],[.1,.6]] + [[.3,.4],[.2,.7]]) / 2 = [[.4,.3],[.15,.65]]; row/col 2 (SEP) zero
        double[][] mean = sink.mean(0, 0, 0);
        double[][] expected = {{0.4, 0.3, 0}, {0.15, 0.65, 0}, {0, 0, 0}};
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(expected[i], mean[i], 1e-7);
        }
        // entries >= 0.3 only, summed not averaged: [[.5+.3, .4], [0, .6+.7]]
        double[][] th = sink.thresholdSum(0, 0, 0);
        assertArrayEquals(new double[] {0.8, 0.4, 0}, th[0], 1e-7);
        assertArrayEquals(new double[] {0, 1.3, 0}, th[1], 1e-7);
        assertArrayEquals(new int[] {CLS, 7, SEP, 8}, sink.firstSampleIds(0));
        assertEquals(2L * 9 * 16, sink.memoryBytes(), "two exact sums of 16 bytes per entry");
    }

    @Test
    void classMeanWithoutSepCutsAtTheLastRealTokenAndRefusesOversizedMaps() {
        ClassMeanAttentionSink sink = new ClassMeanAttentionSink(CaptureSpec.none(), 2, SEP, 0.3, false);
        SampleContext s = new SampleContext(0, new int[] {CLS, 5}, 3, -1);
        feed(sink, List.of(s), List.of(oneHead(new float[][] {{0.9f, 0.1f}, {0.2f, 0.8f}})));
        assertArrayEquals(new double[] {0.9, 0.1}, sink.mean(3, 0, 0)[0], 1e-7);
        SampleContext tooLong = new SampleContext(0, new int[] {CLS, 5, 6}, 3, -1);
        CapturedTensor m = oneHead(new float[3][3]);
        assertThrows(IllegalArgumentException.class, () -> sink.accept(tooLong, "layer.0.attention.probs", m));
    }

    @Test
    void classMeanRefusesUnlabelledSamplesAndCorrectOnlyWithoutClassifier() {
        ClassMeanAttentionSink paper = ClassMeanAttentionSink.paperDefaults(4, SEP);
        CapturedTensor m = oneHead(new float[][] {{1}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> paper.accept(new SampleContext(0, new int[] {CLS}, -1, 0), "layer.0.attention.probs", m));
        assertTrue(e.getMessage().contains("label"));
        e = assertThrows(IllegalArgumentException.class,
                () -> paper.accept(new SampleContext(0, new int[] {CLS}, 1, -1), "layer.0.attention.probs", m));
        assertTrue(e.getMessage().contains("onlyCorrect=false"));
    }

    @Test
    void headStatisticsStreamOneRowPerSampleLayerHeadNumberedAcrossBatches() {
        AttentionMapStatistic diag = new AttentionMapStatistic() {
            @Override
            public String name() {
                return "trace";
            }

            @Override
            public double compute(float[][] map, int validLength) {
                double s = 0;
                for (int i = 0; i < validLength; i++) {
                    s += map[i][i];
                }
                return s;
            }
        };
        List<AttentionMapStatisticSink.Row> rows = new ArrayList<>();
        AttentionMapStatisticSink sink = new AttentionMapStatisticSink(CaptureSpec.none(), List.of(diag), rows::add);
        CapturedTensor a = oneHead(new float[][] {{0.5f, 0.5f}, {0.25f, 0.75f}}); // trace 1.25
        CapturedTensor b = oneHead(new float[][] {{1f}});                         // trace 1
        feed(sink, List.of(new SampleContext(0, new int[] {1, 2}, 0, 0), new SampleContext(1, new int[] {1}, 1, 0)),
                List.of(a, b));
        feed(sink, List.of(new SampleContext(0, new int[] {1, 2}, 1, 1)), List.of(a));
        assertEquals(List.of("trace"), sink.statisticNames());
        assertEquals(3, rows.size());
        assertEquals(1.25, rows.get(0).values()[0], 1e-7);
        assertEquals(1.0, rows.get(1).values()[0], 1e-7);
        assertEquals(1, rows.get(1).sample());
        assertEquals(2, rows.get(2).sample(), "second batch continues the numbering");
    }

    @Test
    void boundedSinkKeepsTheFirstNSamplesAndCountsTheRest() {
        BoundedSampleSink sink = new BoundedSampleSink(CaptureSpec.attentionProbs(), 2);
        CapturedTensor m = oneHead(new float[][] {{1}});
        feed(sink, List.of(new SampleContext(0, new int[] {1}, 0, 0), new SampleContext(1, new int[] {1}, 0, 0)),
                List.of(m, m));
        feed(sink, List.of(new SampleContext(0, new int[] {1}, 0, 0)), List.of(m));
        assertEquals(2, sink.samples().size());
        assertEquals(1, sink.dropped());
        assertEquals(1, sink.samples().get(1).index());
        assertTrue(sink.samples().get(0).captures().containsKey("layer.0.attention.probs"));
        assertEquals("kept 2 of 3 samples; 1 dropped (limit 2)", sink.summary());
    }

    @Test
    void captureSpecMatchesGlobsLayersAndHeads() {
        CaptureSpec s = CaptureSpec.of("layer.*.attention.probs", "cls").withLayers(1, 3).withHeads(2, 0);
        assertTrue(s.wants("layer.3.attention.probs"));
        assertFalse(s.wants("layer.2.attention.probs"));
        assertFalse(s.wants("layer.1.attention.scores"));
        assertTrue(s.wants("cls"));
        assertFalse(s.wants("layer.10.attention.probs"), "layer 10 is not layer 1");
        assertArrayEquals(new int[] {0, 2}, s.selectedHeads(4));
        assertThrows(IllegalArgumentException.class, () -> s.selectedHeads(2));
        assertFalse(CaptureSpec.none().wants("cls"));
        CaptureSpec u = s.union(CaptureSpec.of("pooled"));
        assertTrue(u.wants("pooled") && u.wants("layer.7.attention.probs"), "an unrestricted side widens the union");
    }
}
