package org.bertgeometry.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.bertgeometry.model.Activation;
import org.bertgeometry.model.BatchInput;
import org.bertgeometry.model.BertConfig;
import org.bertgeometry.model.BertModel;
import org.bertgeometry.model.ForwardResult;
import org.junit.jupiter.api.Test;

/** Sinks fed by a real forward pass agree with the per-sample captures of the same pass. */
class CaptureIntegrationTest {

    static final int SEP = 3;

    @Test
    void sinksCountEverySampleEvenWhenNoHookMatched() {
        BertConfig c = new BertConfig(12, 8, 1, 2, 16, Activation.GELU, 10, 2, 1e-12, 0.1, 0.1, List.of());
        try (BertModel m = BertModel.random(c, 1, false)) {
            BoundedSampleSink sink = new BoundedSampleSink(CaptureSpec.of("no.such.point"), 1);
            m.forward(BatchInput.padded(List.of(new int[] {2, 5}, new int[] {2}), 0), sink, false);
            assertEquals(2, sink.seen());
            assertEquals(1, sink.dropped());
        }
    }

    @Test
    void streamingSinksAgreeWithCollectedCaptures() {
        BertConfig c = new BertConfig(12, 8, 2, 2, 16, Activation.GELU, 10, 2, 1e-12, 0.1, 0.1, List.of());
        try (BertModel m = BertModel.random(c, 1, false)) {
            List<int[]> seqs = List.of(new int[] {2, 5, SEP, 0}, new int[] {2, 7, 8, SEP}, new int[] {2, SEP});
            BatchInput in = BatchInput.padded(seqs, 0, new int[] {1, 1, 0});
            ForwardResult collected = m.forward(in, CaptureSpec.attentionProbs(), false);

            ClassMeanAttentionSink mean = new ClassMeanAttentionSink(CaptureSpec.none().withLayers(1), 4, SEP, 0.3, false);
            List<AttentionMapStatisticSink.Row> rows = new ArrayList<>();
            AttentionMapStatistic first = new AttentionMapStatistic() {
                @Override
                public String name() {
                    return "a00";
                }

                @Override
                public double compute(float[][] map, int validLength) {
                    return map[0][0];
                }
            };
            AttentionMapStatisticSink stats = new AttentionMapStatisticSink(CaptureSpec.none().withHeads(1), List.of(first), rows::add);
            ForwardResult streamed = m.forward(in, CaptureSink.fanOut(List.of(mean, stats)), false);
            assertEquals(0, streamed.captures().size());

            // class 1 = sequences 0 and 1, cut at their SEP (positions 2 and 3)
            float[][] a = collected.captures().get(0).get("layer.1.attention.probs").headMatrix(1);
            float[][] b = collected.captures().get(1).get("layer.1.attention.probs").headMatrix(1);
            double[][] got = mean.mean(1, 1, 1);
            assertEquals((a[1][0] + b[1][0]) / 2.0, got[1][0], 1e-7);
            assertEquals(b[2][2] / 2.0, got[2][2], 1e-7, "sequence 0 is cut before position 2");
            assertEquals(0.0, got[3][0], 0.0, "row of SEP of sequence 1 is zeroed");
            assertEquals(2, mean.count(1));
            assertThrows(IllegalArgumentException.class, () -> mean.mean(1, 0, 0), "layer 0 was not selected");

            assertEquals(3 * 2, rows.size(), "3 samples x 2 layers x head 1");
            assertEquals(collected.captures().get(2).get("layer.0.attention.probs").headMatrix(1)[0][0],
                    rows.stream().filter(r -> r.sample() == 2 && r.layer() == 0).findFirst().orElseThrow().values()[0],
                    1e-7);
        }
    }
}
