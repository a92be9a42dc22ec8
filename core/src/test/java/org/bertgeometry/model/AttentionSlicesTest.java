package org.bertgeometry.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.bertgeometry.capture.CaptureSpec;
import org.bertgeometry.capture.CapturedTensor;
import org.junit.jupiter.api.Test;

/**
 * Attention runs on slices of the batch when the score array would exceed 16 MB
 * ({@link SelfAttention#chunkRows}); each row's results must be those of the row run alone.
 */
class AttentionSlicesTest {

    @Test
    void sliceSizesKeepTheScoresUnderSixteenMegabytes() {
        // BERT-Base at 512 tokens: 12 * 512^2 * 4 B = 12 MiB per row, so one row per slice
        assertEquals(1, SelfAttention.chunkRows(8, 12, 512));
        // all-MiniLM at 128 tokens: 12 * 128^2 * 4 B = 768 KiB per row; 16 MiB / 768 KiB = 21.3
        assertEquals(21, SelfAttention.chunkRows(32, 12, 128));
        // small arrays: the whole batch at once
        assertEquals(4, SelfAttention.chunkRows(4, 2, 8));
        // a row larger than the budget still runs, alone
        assertEquals(1, SelfAttention.chunkRows(3, 2, 1500));
    }

    @Test
    void slicedRowsEqualEachSequenceRunAlone() {
        // 2 heads * 1500^2 * 4 B = 18 MB per row > 16 MB: three slices of one row each
        BertConfig c = new BertConfig(50, 8, 2, 2, 16, Activation.GELU, 1600, 2, 1e-12, 0.1, 0.1, List.of("a", "b"));
        SplittableRandom rng = new SplittableRandom(9);
        int[] lengths = {1500, 900, 1200};
        List<int[]> seqs = new ArrayList<>();
        for (int n : lengths) {
            int[] s = new int[n];
            for (int i = 0; i < n; i++) {
                s[i] = 1 + rng.nextInt(49);
            }
            seqs.add(s);
        }
        CaptureSpec spec = CaptureSpec.of("layer.1.attention.probs");
        try (BertModel m = BertModel.random(c, 4, false)) {
            ForwardResult batch = m.forward(BatchInput.padded(seqs, 0), spec, false);
            for (int b = 0; b < seqs.size(); b++) {
                ForwardResult alone = m.forward(BatchInput.padded(List.of(seqs.get(b)), 0), spec, false);
                assertArrayEquals(alone.logits()[0], batch.logits()[b], 1e-5f, "logits of row " + b);
                for (int p = 0; p < lengths[b]; p += 97) {
                    assertArrayEquals(alone.lastHidden()[0][p], batch.lastHidden()[b][p], 1e-5f, "row " + b + " pos " + p);
                }
                CapturedTensor a = alone.captures().get(0).get("layer.1.attention.probs");
                CapturedTensor s = batch.captures().get(b).get("layer.1.attention.probs");
                assertArrayEquals(new int[] {2, lengths[b], lengths[b]}, s.shape());
                assertArrayEquals(a.data(), s.data(), 1e-6f, "probabilities of row " + b);
            }
        }
    }
}
