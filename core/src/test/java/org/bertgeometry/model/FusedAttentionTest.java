package org.bertgeometry.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fused attention call against attention written out by hand in double precision:
 * softmax(q·kᵀ/√d + mask)·v per batch row and head. Tolerance 1e-5: float32 against double on values
 * of order 1, through one softmax.
 */
class FusedAttentionTest {

    private static final int B = 2;
    private static final int HEADS = 3;
    private static final int T = 4;
    private static final int HD = 5;

    @Test
    void unmaskedAttentionIsSoftmaxOfScaledScoresTimesValues() {
        check(null);
    }

    @Test
    void maskedKeysGetNoWeight() {
        // row 1's last two keys are padding: float min added to their scores, as BertModel builds the mask
        float[] mask = new float[B * T];
        mask[T + 2] = -Float.MAX_VALUE;
        mask[T + 3] = -Float.MAX_VALUE;
        check(mask);
    }

    @Test
    void sourceThatPyTorchCannotCompileIsRefusedWithTheModuleName() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            String bad = "class Broken(Module):\n  __parameters__ = []\n  __buffers__ = []\n  training : bool\n"
                    + "  def forward(self: __torch__.Broken,\n    x: Tensor) -> Tensor:\n    return torch.no_such_op(x)\n";
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ScriptModule.load(m, "Broken", bad));
            assertTrue(e.getMessage().contains("Broken"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> ScriptModule.archive("not a name", ""));
    }

    private static void check(float[] mask) {
        SplittableRandom rng = new SplittableRandom(3);
        float[] q = random(rng);
        float[] k = random(rng);
        float[] v = random(rng);
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            FusedAttention fused = new FusedAttention(m);
            Shape shape = new Shape(B, HEADS, T, HD);
            NDArray maskBias = mask == null ? null : m.create(mask, new Shape(B, 1, 1, T));
            NDArray out = fused.attend(m.create(q, shape), m.create(k, shape), m.create(v, shape), maskBias);
            assertEquals(shape, out.getShape());
            float[] got = out.toFloatArray();
            for (int b = 0; b < B; b++) {
                for (int h = 0; h < HEADS; h++) {
                    for (int i = 0; i < T; i++) {
                        double[] expected = byHand(q, k, v, mask, b, h, i);
                        float[] row = new float[HD];
                        System.arraycopy(got, index(b, h, i, 0), row, 0, HD);
                        float[] exp = new float[HD];
                        for (int d = 0; d < HD; d++) {
                            exp[d] = (float) expected[d];
                        }
                        assertArrayEquals(exp, row, 1e-5f, "b" + b + " h" + h + " i" + i);
                    }
                }
            }
        }
    }

    /** Output row i of head h in batch row b: Σ_j softmax_j(q_i·k_j/√d + mask_j) v_j. */
    private static double[] byHand(float[] q, float[] k, float[] v, float[] mask, int b, int h, int i) {
        double[] s = new double[T];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < T; j++) {
            double dot = 0;
            for (int d = 0; d < HD; d++) {
                dot += (double) q[index(b, h, i, d)] * k[index(b, h, j, d)];
            }
            s[j] = dot / Math.sqrt(HD) + (mask == null ? 0 : mask[b * T + j]);
            max = Math.max(max, s[j]);
        }
        double sum = 0;
        for (int j = 0; j < T; j++) {
            s[j] = Math.exp(s[j] - max);
            sum += s[j];
        }
        double[] out = new double[HD];
        for (int j = 0; j < T; j++) {
            for (int d = 0; d < HD; d++) {
                out[d] += s[j] / sum * v[index(b, h, j, d)];
            }
        }
        return out;
    }

    private static int index(int b, int h, int t, int d) {
        return ((b * HEADS + h) * T + t) * HD + d;
    }

    private static float[] random(SplittableRandom rng) {
        float[] a = new float[B * HEADS * T * HD];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (2 * rng.nextDouble() - 1);
        }
        return a;
    }
}
