package org.bertgeometry.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bertgeometry.capture.CaptureSpec;
import org.bertgeometry.capture.CapturedTensor;
import org.bertgeometry.capture.HookNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine against {@link ReferenceBert}, an independent double-precision loop implementation.
 * Tolerance 1e-5: float32 engine vs double reference on values of order 1 through 2 layers of
 * LayerNorm; observed float rounding is around 1e-6.
 */
class BertModelTest {

    static final double TOL = 1e-5;

    static BertConfig tinyConfig(Activation act) {
        return new BertConfig(11, 4, 2, 2, 6, act, 8, 2, 1e-12, 0.1, 0.1, List.of("a", "b", "c"));
    }

    /** Weights with std 0.5 (LayerNorm gammas around 1) so that every block visibly matters. */
    static BertWeights tinyWeights(BertConfig c, long seed) {
        Random rng = new Random(seed);
        Map<String, HostTensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, HostTensor> e : BertInit.random(c, 0, true).asMap().entrySet()) {
            float[] d = new float[e.getValue().size()];
            boolean gamma = e.getKey().endsWith("LayerNorm.weight");
            for (int i = 0; i < d.length; i++) {
                d[i] = (float) ((gamma ? 1 : 0) + 0.5 * rng.nextGaussian());
            }
            out.put(e.getKey(), new HostTensor(e.getValue().shape(), d));
        }
        return new BertWeights(out);
    }

    static final int[] SEQ_A = {2, 5, 7, 1, 3};
    static final int[] SEQ_B = {2, 9, 3};

    @ParameterizedTest
    @EnumSource(Activation.class)
    void hiddenPooledLogitsAndProbsMatchIndependentReference(Activation act) {
        BertConfig c = tinyConfig(act);
        BertWeights w = tinyWeights(c, 7);
        ReferenceBert ref = new ReferenceBert(c, w);
        try (BertModel m = BertModel.load(c, w)) {
            ForwardResult r = m.forward(BatchInput.padded(List.of(SEQ_A, SEQ_B), 0),
                    CaptureSpec.of("layer.*.attention.probs"), false);
            int[][] seqs = {SEQ_A, SEQ_B};
            for (int b = 0; b < 2; b++) {
                double[][] h = ref.hidden(seqs[b]);
                for (int i = 0; i < seqs[b].length; i++) {
                    assertClose(h[i], r.lastHidden()[b][i], TOL, "hidden b" + b + " pos " + i);
                }
                double[] pooled = ref.pooled(h);
                assertClose(pooled, r.pooled()[b], TOL, "pooled");
                assertClose(ref.logits(pooled), r.logits()[b], TOL, "logits");
                for (int l = 0; l < 2; l++) {
                    CapturedTensor probs = r.captures().get(b).get(HookNames.attentionProbs(l));
                    assertArrayEquals(new int[] {2, seqs[b].length, seqs[b].length}, probs.shape());
                    for (int head = 0; head < 2; head++) {
                        float[][] map = probs.headMatrix(head);
                        for (int i = 0; i < map.length; i++) {
                            assertClose(ref.probs[l][head][i], map[i], 1e-6, "probs");
                        }
                    }
                }
            }
        }
    }

    /**
     * Layers whose scores and probabilities nobody captures run attention as one fused call
     * ({@link FusedAttention}); with no capture, or a capture of one layer, the results must still be
     * the independent reference's, padded row included.
     */
    @ParameterizedTest
    @ValueSource(strings = {"", "layer.1.attention.probs", "layer.0.attention.scores", "layer.*.attention.context"})
    void fusedAttentionLayersMatchTheIndependentReference(String captured) {
        BertConfig c = tinyConfig(Activation.GELU);
        BertWeights w = tinyWeights(c, 5);
        ReferenceBert ref = new ReferenceBert(c, w);
        CaptureSpec spec = captured.isEmpty() ? CaptureSpec.none() : CaptureSpec.of(captured);
        try (BertModel m = BertModel.load(c, w)) {
            ForwardResult r = m.forward(BatchInput.padded(List.of(SEQ_A, SEQ_B), 0), spec, false);
            int[][] seqs = {SEQ_A, SEQ_B};
            for (int b = 0; b < 2; b++) {
                double[][] h = ref.hidden(seqs[b]);
                for (int i = 0; i < seqs[b].length; i++) {
                    assertClose(h[i], r.lastHidden()[b][i], TOL, "hidden b" + b + " pos " + i);
                }
                assertClose(ref.logits(ref.pooled(h)), r.logits()[b], TOL, "logits b" + b);
            }
        }
    }

    /**
     * With fused attention off, a pass that captures nothing runs the same step-by-step arithmetic as one
     * that captures every layer's probabilities, so the two agree bit for bit (capturing only copies).
     */
    @Test
    void withFusedAttentionOffAPlainPassEqualsACapturingPassBitForBit() {
        BertConfig c = tinyConfig(Activation.GELU);
        try (BertModel m = BertModel.load(c, tinyWeights(c, 5))) {
            m.setFusedAttention(false);
            BatchInput in = BatchInput.padded(List.of(SEQ_A, SEQ_B), 0);
            ForwardResult plain = m.forward(in, CaptureSpec.none(), false);
            ForwardResult captured = m.forward(in, CaptureSpec.of("layer.*.attention.probs"), false);
            for (int b = 0; b < 2; b++) {
                for (int i = 0; i < plain.lastHidden()[b].length; i++) {
                    assertArrayEquals(captured.lastHidden()[b][i], plain.lastHidden()[b][i], "b" + b + " pos " + i);
                }
                assertArrayEquals(captured.logits()[b], plain.logits()[b], "logits b" + b);
            }
        }
    }

    @Test
    void maskedLmLogitsMatchReferenceWithTiedDecoder() {
        BertConfig c = tinyConfig(Activation.GELU);
        BertWeights w = tinyWeights(c, 11);
        ReferenceBert ref = new ReferenceBert(c, w);
        try (BertModel m = BertModel.load(c, w)) {
            float[][][] got = m.mlmLogits(BatchInput.padded(List.of(SEQ_A, SEQ_B), 0), new int[][] {{1, 4}, {2}});
            double[][] ha = ref.hidden(SEQ_A);
            double[][] hb = ref.hidden(SEQ_B);
            assertClose(ref.mlm(ha[1]), got[0][0], TOL, "mlm a1");
            assertClose(ref.mlm(ha[4]), got[0][1], TOL, "mlm a4");
            assertClose(ref.mlm(hb[2]), got[1][0], TOL, "mlm b2");
        }
    }

    @Test
    void aSequenceAloneEqualsTheSameSequenceInAPaddedBatch() {
        BertConfig c = tinyConfig(Activation.GELU);
        try (BertModel m = BertModel.load(c, tinyWeights(c, 3))) {
            CaptureSpec all = CaptureSpec.of("*");
            ForwardResult alone = m.forward(BatchInput.padded(List.of(SEQ_B), 0), all, false);
            ForwardResult batch = m.forward(BatchInput.padded(List.of(SEQ_A, SEQ_B, new int[] {4}), 0), all, false);
            for (int i = 0; i < SEQ_B.length; i++) {
                assertClose(alone.lastHidden()[0][i], batch.lastHidden()[1][i], 1e-5, "hidden");
            }
            assertClose(alone.logits()[0], batch.logits()[1], 1e-5, "logits");
            Map<String, CapturedTensor> a = alone.captures().get(0);
            Map<String, CapturedTensor> b = batch.captures().get(1);
            assertEquals(a.keySet(), b.keySet());
            assertTrue(a.containsKey("layer.1.attention.context") && a.containsKey("cls") && a.containsKey("pooled"));
            for (String k : a.keySet()) {
                assertArrayEquals(a.get(k).shape(), b.get(k).shape(), k);
                assertClose(a.get(k).data(), b.get(k).data(), 1e-5, k);
            }
        }
    }

    @Test
    void paddedKeysGetExactlyZeroProbabilityAndRowsSumToOne() {
        BertConfig c = tinyConfig(Activation.GELU);
        try (BertModel m = BertModel.load(c, tinyWeights(c, 5))) {
            BatchInput in = BatchInput.padded(List.of(SEQ_A, SEQ_B), 0);
            int t = in.length();
            for (int l = 0; l < 2; l++) {
                float[] p = m.uncroppedProbs(in, l);
                for (int b = 0; b < 2; b++) {
                    for (int h = 0; h < 2; h++) {
                        for (int i = 0; i < t; i++) {
                            double sum = 0;
                            for (int j = 0; j < t; j++) {
                                float v = p[((b * 2 + h) * t + i) * t + j];
                                if (j >= in.validLength(b)) {
                                    assertEquals(0f, v, "padded key " + j + " of sequence " + b);
                                }
                                sum += v;
                            }
                            assertEquals(1.0, sum, 1e-6);
                        }
                    }
                }
            }
        }
    }

    /**
     * Hand calculation: LayerNorm of a 2-vector [a, b] is [(a-b)/2, (b-a)/2] / (|a-b|/2) = ±[1, -1]
     * (eps 1e-12 negligible), so with hidden size 2 every final hidden state is gamma ⊙ ±[1, -1] + beta,
     * whatever the other weights; and a one-token sequence attends to itself with probability 1.
     */
    @Test
    void hiddenSizeTwoOutputsAreGammaTimesPlusMinusOnePlusBeta() {
        BertConfig c = new BertConfig(5, 2, 1, 1, 3, Activation.GELU, 4, 2, 1e-12, 0.1, 0.1, List.of());
        BertWeights w = tinyWeights(c, 21);
        float[] gamma = w.get("encoder.layer.0.output.LayerNorm.weight").data();
        float[] beta = w.get("encoder.layer.0.output.LayerNorm.bias").data();
        try (BertModel m = BertModel.load(c, w)) {
            ForwardResult r = m.forward(BatchInput.padded(List.of(new int[] {1, 4, 2}, new int[] {3}), 0),
                    CaptureSpec.of("layer.0.attention.probs"), false);
            for (float[] h : new float[][] {r.lastHidden()[0][0], r.lastHidden()[0][2], r.lastHidden()[1][0]}) {
                double u = (h[0] - beta[0]) / gamma[0];
                double v = (h[1] - beta[1]) / gamma[1];
                assertEquals(1.0, Math.abs(u), 1e-5);
                assertEquals(-u, v, 1e-5);
            }
            assertArrayEquals(new float[] {1f}, r.captures().get(1).get("layer.0.attention.probs").data());
        }
    }

    @Test
    void invalidInputIsRejectedBeforeNativeCode() {
        BertConfig c = tinyConfig(Activation.GELU);
        try (BertModel m = BertModel.load(c, tinyWeights(c, 5))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> m.forward(BatchInput.padded(List.of(new int[] {2, 11}), 0), CaptureSpec.none(), false));
            assertTrue(e.getMessage().contains("outside the vocabulary"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> m.forward(BatchInput.padded(List.of(new int[9]), 0), CaptureSpec.none(), false));
            assertTrue(e.getMessage().contains("max_position_embeddings"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> m.forward(
                    new BatchInput(new int[][] {{1, 2}}, new int[][] {{1, 1}}, new int[][] {{0, 2}}, null),
                    CaptureSpec.none(), false));
            assertTrue(e.getMessage().contains("token type"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> m.forward(BatchInput.padded(List.of(SEQ_A), 0), CaptureSpec.attentionProbs().withLayers(2), false));
            assertTrue(e.getMessage().contains("layer 2"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class,
                () -> new BatchInput(new int[][] {{0, 1}}, new int[][] {{0, 1}}, new int[][] {{0, 0}}, null));
    }

    @Test
    void repeatedForwardPassesLeaveNoNativeArraysBehind() {
        BertConfig c = tinyConfig(Activation.GELU);
        try (BertModel m = BertModel.load(c, tinyWeights(c, 5))) {
            int before = m.nativeArrayCount();
            BatchInput in = BatchInput.padded(List.of(SEQ_A, SEQ_B), 0);
            for (int i = 0; i < 60; i++) {
                m.forward(in, CaptureSpec.of("*"), i % 2 == 0);
                m.mlmLogits(in, new int[][] {{1}, {1}});
            }
            assertEquals(before, m.nativeArrayCount());
        }
    }

    @Test
    void trainingModeAppliesDropoutAndInferenceIsDeterministic() {
        BertConfig c = tinyConfig(Activation.GELU);
        try (BertModel m = BertModel.load(c, tinyWeights(c, 5))) {
            BatchInput in = BatchInput.padded(List.of(SEQ_A), 0);
            float[] a = m.forward(in, CaptureSpec.none(), false).logits()[0];
            float[] b = m.forward(in, CaptureSpec.none(), false).logits()[0];
            float[] t = m.forward(in, CaptureSpec.none(), true).logits()[0];
            assertArrayEquals(a, b);
            assertFalse(java.util.Arrays.equals(a, t), "dropout should change training-mode logits");
        }
    }

    /** Gradient of one logit w.r.t. one query weight vs a central finite difference of the reference. */
    @Test
    void gradientsFlowToParametersAndMatchFiniteDifferences() {
        BertConfig c = tinyConfig(Activation.GELU);
        BertWeights w = tinyWeights(c, 9);
        String name = "encoder.layer.0.attention.self.query.weight";
        int idx = 1; // element [0][1]
        try (BertModel m = BertModel.load(c, w); NDManager scope = NDManager.newBaseManager("PyTorch")) {
            NDArray p = m.parameters().get(name);
            p.setRequiresGradient(true);
            float grad;
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                TensorOutputs o = m.forwardTensors(scope, BatchInput.padded(List.of(SEQ_A), 0), false);
                NDArray loss = o.logits().get("0, 1");
                gc.backward(loss);
                grad = p.getGradient().toFloatArray()[idx];
            }
            double eps = 1e-4;
            float[] d = w.get(name).data();
            float orig = d[idx];
            d[idx] = (float) (orig + eps);
            ReferenceBert ref = new ReferenceBert(c, w);
            double up = ref.logits(ref.pooled(ref.hidden(SEQ_A)))[1];
            d[idx] = (float) (orig - eps);
            double down = ref.logits(ref.pooled(ref.hidden(SEQ_A)))[1];
            d[idx] = orig;
            double fd = (up - down) / (((float) (orig + eps)) - ((float) (orig - eps)));
            assertTrue(Math.abs(fd) > 1e-4, "pick a weight that matters");
            assertEquals(fd, grad, 1e-3 + 1e-2 * Math.abs(fd));
            assertEquals(w.get(name), m.toWeights().get(name), "export works on arrays that require gradients");
        }
    }

    /**
     * Inference runs the query, key and value projections as one fused product whose rows are the
     * three parameters' storage (views): a trainer's in-place update of one of them must reach the next
     * inference pass. The expectation is the independent reference run on the updated host weights.
     */
    @Test
    void inPlaceUpdatesOfQueryKeyValueReachTheFusedInferencePass() {
        BertConfig c = tinyConfig(Activation.GELU);
        BertWeights w = tinyWeights(c, 11);
        try (BertModel m = BertModel.load(c, w)) {
            BatchInput in = BatchInput.padded(List.of(SEQ_A, SEQ_B), 0);
            m.forward(in, CaptureSpec.none(), false);          // a pass before the update, as in training
            for (String part : List.of("query.weight", "key.bias", "value.weight")) {
                String name = "encoder.layer.1.attention.self." + part;
                m.parameters().get(name).muli(1.5f);
                for (int i = 0; i < w.get(name).data().length; i++) {
                    w.get(name).data()[i] *= 1.5f;
                }
            }
            ReferenceBert ref = new ReferenceBert(c, w);
            ForwardResult r = m.forward(in, CaptureSpec.none(), false);
            int[][] seqs = {SEQ_A, SEQ_B};
            for (int b = 0; b < 2; b++) {
                double[][] h = ref.hidden(seqs[b]);
                for (int i = 0; i < seqs[b].length; i++) {
                    assertClose(h[i], r.lastHidden()[b][i], TOL, "hidden b" + b + " pos " + i);
                }
            }
        }
    }

    /**
     * With autograd recording, the projections run on the three named parameters (so that gradients
     * reach them); without, as one fused product. Both compute the same dot products, so they agree
     * to float rounding (TOL, as against the reference).
     */
    @Test
    void fusedAndSeparateProjectionsGiveTheSameHiddenStates() {
        BertConfig c = tinyConfig(Activation.GELU);
        try (BertModel m = BertModel.load(c, tinyWeights(c, 13)); NDManager scope = NDManager.newBaseManager("PyTorch")) {
            BatchInput in = BatchInput.padded(List.of(SEQ_A, SEQ_B), 0);
            float[][][] fused = m.forward(in, CaptureSpec.none(), false).lastHidden();
            float[] separate;
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                separate = m.forwardTensors(scope, in, false).lastHidden().toFloatArray();
            }
            int t = in.length();
            int h = c.hiddenSize();
            for (int b = 0; b < 2; b++) {
                for (int i = 0; i < t; i++) {
                    float[] row = java.util.Arrays.copyOfRange(separate, (b * t + i) * h, (b * t + i + 1) * h);
                    assertClose(row, fused[b][i], TOL, "hidden b" + b + " pos " + i);
                }
            }
        }
    }

    @Test
    void exportedWeightsEqualTheLoadedOnes() {
        BertConfig c = tinyConfig(Activation.GELU);
        BertWeights w = tinyWeights(c, 5);
        try (BertModel m = BertModel.load(c, w)) {
            BertWeights back = m.toWeights();
            assertEquals(w.names(), back.names());
            for (String n : w.names()) {
                assertEquals(w.get(n), back.get(n), n);
            }
        }
    }

    @Test
    void tensorsTheForwardPassDoesNotUseAreKeptForExport() {
        BertConfig c = tinyConfig(Activation.GELU);
        Map<String, HostTensor> m = new LinkedHashMap<>(tinyWeights(c, 5).asMap());
        HostTensor nsp = new HostTensor(new int[] {2, 4}, new float[] {1, 2, 3, 4, 5, 6, 7, 8});
        m.put("cls.seq_relationship.weight", nsp);
        try (BertModel model = BertModel.load(c, new BertWeights(m))) {
            assertEquals(nsp, model.toWeights().get("cls.seq_relationship.weight"));
            assertFalse(model.parameters().containsKey("cls.seq_relationship.weight"));
        }
    }

    @Test
    void randomInitIsSeededAndFollowsHuggingFaceScheme() {
        BertConfig c = new BertConfig(500, 32, 1, 2, 64, Activation.GELU, 16, 2, 1e-12, 0.1, 0.1, List.of());
        BertWeights a = BertInit.random(c, 42, false);
        assertEquals(a.get("embeddings.word_embeddings.weight"),
                BertInit.random(c, 42, false).get("embeddings.word_embeddings.weight"));
        float[] d = a.get("embeddings.word_embeddings.weight").data();
        double s = 0;
        for (float v : d) {
            s += v * v;
        }
        // 16,000 draws: the sample std of N(0, 0.02^2) is within 2% of 0.02 with overwhelming probability
        assertEquals(0.02, Math.sqrt(s / d.length), 0.0004);
        assertArrayEquals(new float[32], a.get("encoder.layer.0.output.dense.bias").data());
        assertEquals(1f, a.get("embeddings.LayerNorm.weight").data()[5]);
    }

    static void assertClose(double[] expected, float[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol, what + "[" + i + "]");
        }
    }

    static void assertClose(float[] expected, float[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol, what + "[" + i + "]");
        }
    }
}
