package org.bertgeometry.cli.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.bertgeometry.checkpoint.BertCheckpoint;
import org.bertgeometry.inference.LoadedBert;
import org.bertgeometry.model.Activation;
import org.bertgeometry.model.BertConfig;
import org.bertgeometry.model.BertInit;
import org.junit.jupiter.api.Test;

/**
 * The multi-head output check (docs/methods.md, "Per-head recomputation and conventions"): recomputed in double
 * precision from the forward pass's head outputs and the weights, each layer's output must match what PyTorch
 * computed, and must not match when the weights are another model's.
 */
class MultiheadOutputCheckTest {

    private static final BertConfig CONFIG =
            new BertConfig(6, 8, 2, 2, 16, Activation.GELU, 16, 2, 1e-12, 0.0, 0.0, List.of());

    private static BertCheckpoint model(long seed) {
        return new BertCheckpoint(CONFIG, BertInit.random(CONFIG, seed, false),
                List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "a"), Map.of(), null);
    }

    @Test
    void recomputedLayerOutputsMatchTheForwardPassOnlyWithTheModelsOwnWeights() {
        try (LoadedBert bert = LoadedBert.open(model(11))) {
            HeadRecomputationCheck.Result r = HeadRecomputationCheck.run(bert, "a a a a a");
            assertEquals(2, r.layers().size(), "one row per layer");
            for (MultiheadOutputCheck.Row row : r.layers()) {
                assertEquals(7, row.tokens(), "[CLS], five tokens, [SEP]");
                // LayerNorm outputs are of order 1: float32 rounding leaves about 1e-6
                assertTrue(row.maxAbsDiffLayerOutput() < 1e-4, "layer " + row.layer() + ": " + row.maxAbsDiffLayerOutput());
            }
            HeadRecomputationCheck.Captured c = HeadRecomputationCheck.capture(bert, "a a a a a");
            List<MultiheadOutputCheck.Row> wrong = MultiheadOutputCheck.run(model(12).weights(), CONFIG, c.tensors(),
                    c.tokens());
            // initial weights (standard deviation 0.02) keep both sublayers' updates small beside the residual, so
            // another model's weights move the output by about 1e-2, far beyond the float32 rounding above
            assertTrue(wrong.get(0).maxAbsDiffLayerOutput() > 1e-3, "another model's weights must show: "
                    + wrong.get(0).maxAbsDiffLayerOutput());
        }
    }

    @Test
    void activationsAreHuggingFacesDefinitions() {
        // exact GELU at 1 is the standard normal CDF at 1, 0.8413447460685429 (tables); the tanh form at 1 is
        // 0.5 (1 + tanh(0.7978845608 * 1.044715)) = 0.8411920 (PyTorch gelu(approximate='tanh'))
        assertEquals(0.8413447460685429, MultiheadOutputCheck.activate(Activation.GELU, 1), 1e-12);
        assertEquals(0.841192, MultiheadOutputCheck.activate(Activation.GELU_NEW, 1), 1e-6);
        assertEquals(0, MultiheadOutputCheck.activate(Activation.RELU, -2));
        assertEquals(3, MultiheadOutputCheck.activate(Activation.RELU, 3));
    }
}
