package org.bertgeometry.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BertConfigTest {

    @Test
    void missingKeysTakeHuggingFaceDefaults() {
        BertConfig c = BertConfig.fromJson("{}");
        assertEquals(30522, c.vocabSize());
        assertEquals(768, c.hiddenSize());
        assertEquals(12, c.numHiddenLayers());
        assertEquals(64, c.headDim());
        assertEquals(Activation.GELU, c.hiddenAct());
        assertEquals(1e-12, c.layerNormEps());
    }

    @Test
    void readsMiniLmStyleConfigWithLabels() {
        BertConfig c = BertConfig.fromJson("""
                {"hidden_size": 384, "num_hidden_layers": 6, "num_attention_heads": 12,
                 "intermediate_size": 1536, "hidden_act": "gelu_new",
                 "id2label": {"1": "delta", "0": "alpha"}}""");
        assertEquals(32, c.headDim());
        assertEquals(Activation.GELU_NEW, c.hiddenAct());
        assertEquals(List.of("alpha", "delta"), c.labels());
    }

    @Test
    void rejectsHiddenSizeNotDivisibleByHeads() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BertConfig.fromJson("{\"hidden_size\": 100, \"num_attention_heads\": 12}"));
        assertTrue(e.getMessage().contains("not divisible"), e.getMessage());
    }

    @Test
    void rejectsGapsInLabelIds() {
        assertThrows(IllegalArgumentException.class,
                () -> BertConfig.fromJson("{\"id2label\": {\"0\": \"a\", \"2\": \"c\"}}"));
    }

    @Test
    void rejectsUnknownActivationAndWrongTypes() {
        assertThrows(IllegalArgumentException.class, () -> BertConfig.fromJson("{\"hidden_act\": \"swish\"}"));
        assertThrows(IllegalArgumentException.class, () -> BertConfig.fromJson("{\"hidden_size\": \"big\"}"));
        assertThrows(IllegalArgumentException.class, () -> BertConfig.fromJson("{\"hidden_size\": 7.5}"));
    }

    @Test
    void jsonRoundTripKeepsEveryField() {
        BertConfig c = new BertConfig(100, 32, 2, 4, 64, Activation.RELU, 40, 1, 1e-5, 0.0, 0.05,
                List.of("x", "y", "z"));
        assertEquals(c, BertConfig.fromJson(c.toJson()));
    }

    @Test
    void hostTensorChecksShapeAgainstData() {
        assertThrows(IllegalArgumentException.class, () -> new HostTensor(new int[] {2, 3}, new float[5]));
        HostTensor t = new HostTensor(new int[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6});
        HostTensor tt = t.transpose2d();
        assertTrue(tt.hasShape(3, 2));
        assertEquals(4f, tt.data()[1]);
        assertEquals(t, tt.transpose2d());
    }
}
