package org.bertgeometry.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.bertgeometry.capture.CaptureSink;
import org.bertgeometry.capture.CaptureSpec;
import org.bertgeometry.capture.CapturedTensor;
import org.bertgeometry.capture.SampleContext;
import org.bertgeometry.model.Activation;
import org.bertgeometry.model.BatchInput;
import org.bertgeometry.model.BertConfig;
import org.bertgeometry.model.BertModel;
import org.bertgeometry.model.ForwardResult;
import org.junit.jupiter.api.Test;

/**
 * Length bucketing: batches are formed from sequences of similar length, and every result still
 * comes back in input order with the values of the plain, unsorted batching (up to float rounding of
 * the differently shaped kernels: 1e-5 on values of order 1, as in BertModelTest's batch-vs-alone check).
 */
class BucketedRunTest {

    private static final int PAD = 0;
    private static final double TOL = 1e-5;

    @Test
    void eachWindowIsSortedByLengthAndEverySequenceRunsOnce() {
        int[] lengths = {5, 2, 9, 2, 7, 1, 8, 3};
        List<int[]> plan = BucketedRun.plan(lengths, 2, 2);
        assertEquals(List.of("[1, 3]", "[0, 2]", "[5, 7]", "[4, 6]"),
                plan.stream().map(Arrays::toString).toList(),
                "window 0..3 by length 2, 2, 5, 9 (the tie keeps input order: 1 before 3), then window 4..7 by 1, 3, 7, 8");
    }

    @Test
    void resultsComeBackInInputOrderAndEqualTheUnbucketedPass() {
        BertConfig config = new BertConfig(30, 8, 2, 2, 16, Activation.GELU, 40, 2, 1e-12, 0.1, 0.1,
                List.of("a", "b", "c"));
        SplittableRandom rng = new SplittableRandom(3);
        int n = 11;
        List<int[]> seqs = new ArrayList<>();
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int[] s = new int[2 + rng.nextInt(30)];
            for (int j = 0; j < s.length; j++) {
                s[j] = 1 + rng.nextInt(29);
            }
            seqs.add(s);
            labels[i] = rng.nextInt(3);
        }
        int[] lengths = seqs.stream().mapToInt(s -> s.length).toArray();
        CaptureSpec spec = CaptureSpec.of("layer.*.attention.probs", "cls");
        try (BertModel model = BertModel.random(config, 5, false)) {
            // the reference: plain batches of 4 in input order
            List<Map<String, CapturedTensor>> plain = new ArrayList<>();
            List<float[][]> plainHidden = new ArrayList<>();
            List<float[]> plainLogits = new ArrayList<>();
            for (int from = 0; from < n; from += 4) {
                int to = Math.min(n, from + 4);
                List<Map<String, CapturedTensor>> batch = new ArrayList<>();
                for (int i = from; i < to; i++) {
                    batch.add(new HashMap<>());
                }
                ForwardResult r = model.forward(BatchInput.padded(seqs.subList(from, to), PAD,
                        Arrays.copyOfRange(labels, from, to)), CaptureSink.collecting(spec, batch), false);
                plain.addAll(batch);
                for (int b = 0; b < to - from; b++) {
                    plainHidden.add(Arrays.copyOf(r.lastHidden()[b], lengths[from + b]));
                    plainLogits.add(r.logits()[b]);
                }
            }

            List<Integer> order = new ArrayList<>();
            List<String> sinkSaw = new ArrayList<>();
            CaptureSink sink = new CaptureSink() {
                @Override
                public CaptureSpec requires() {
                    return spec;
                }

                @Override
                public void accept(SampleContext sample, String name, CapturedTensor value) {
                }

                @Override
                public void sampleDone(SampleContext sample) {
                    sinkSaw.add(Arrays.toString(sample.inputIds()) + "/" + sample.label() + "/" + sample.batchRow());
                }
            };
            List<Integer> batchLengths = new ArrayList<>();
            new BucketedRun(model, 4, 2).run(lengths, indices -> {
                BatchInput in = BatchInput.padded(Arrays.stream(indices).mapToObj(seqs::get).toList(), PAD,
                        Arrays.stream(indices).map(i -> labels[i]).toArray());
                batchLengths.add(in.length());
                return in;
            }, spec, o -> {
                int i = o.index();
                order.add(i);
                o.replayTo(sink);
                assertArrayEquals(seqs.get(i), o.context().inputIds(), "sequence " + i);
                assertEquals(labels[i], o.context().label());
                assertEquals(plain.get(i).keySet(), o.captures().keySet());
                for (String name : o.captures().keySet()) {
                    assertArrayEquals(plain.get(i).get(name).shape(), o.captures().get(name).shape(), name);
                    assertClose(plain.get(i).get(name).data(), o.captures().get(name).data(), name + " of " + i);
                }
                assertEquals(lengths[i], o.hidden().length);
                for (int p = 0; p < lengths[i]; p++) {
                    assertClose(plainHidden.get(i)[p], o.hidden()[p], "hidden " + i + "/" + p);
                }
                assertClose(plainLogits.get(i), o.logits(), "logits " + i);
            }, done -> { });

            assertEquals(java.util.stream.IntStream.range(0, n).boxed().toList(), order);
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                expected.add(Arrays.toString(seqs.get(i)) + "/" + labels[i] + "/0");
            }
            assertEquals(expected, sinkSaw, "the sink sees every sample in input order, each as a batch of one");
            int paddedPlain = 0;
            for (int from = 0; from < n; from += 4) {
                paddedPlain += Math.min(4, n - from) * Arrays.stream(lengths, from, Math.min(n, from + 4)).max().orElseThrow();
            }
            int paddedBucketed = 0;
            List<int[]> plan = BucketedRun.plan(lengths, 4, 2);
            for (int k = 0; k < plan.size(); k++) {
                paddedBucketed += plan.get(k).length * batchLengths.get(k);
            }
            assertTrue(paddedBucketed < paddedPlain, "bucketing pads less: " + paddedBucketed + " vs " + paddedPlain);
        }
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], TOL, what + "[" + i + "]");
        }
    }
}
