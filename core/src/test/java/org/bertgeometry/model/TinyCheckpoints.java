package org.bertgeometry.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bertgeometry.checkpoint.BertCheckpoint;

/**
 * Test helper: small BERT checkpoints with seeded random weights (hidden 8, 2 heads, 2 layers,
 * intermediate 16, vocabulary 12), for format round trips that must not depend on large files.
 */
public final class TinyCheckpoints {

    private TinyCheckpoints() {
    }

    /** The tiny config, optionally with class labels. */
    public static BertConfig config(List<String> labels) {
        return new BertConfig(12, 8, 2, 2, 16, Activation.GELU, 16, 2, 1e-12, 0.1, 0.1, labels);
    }

    /** A 12-token vocabulary with BERT's special tokens at their usual relative places. */
    public static List<String> vocabulary() {
        return List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "cat", "##s", "sat", "é", "日本", ".");
    }

    /** Weights for {@code config} with the pooler, plus a classifier when it has labels and an MLM head if asked. */
    public static BertWeights weights(BertConfig c, boolean mlmHead, long seed) {
        Random rnd = new Random(seed);
        int h = c.hiddenSize();
        int ff = c.intermediateSize();
        Map<String, HostTensor> m = new LinkedHashMap<>();
        m.put("embeddings.word_embeddings.weight", random(rnd, c.vocabSize(), h));
        m.put("embeddings.position_embeddings.weight", random(rnd, c.maxPositionEmbeddings(), h));
        m.put("embeddings.token_type_embeddings.weight", random(rnd, c.typeVocabSize(), h));
        m.put("embeddings.LayerNorm.weight", random(rnd, h));
        m.put("embeddings.LayerNorm.bias", random(rnd, h));
        for (int l = 0; l < c.numHiddenLayers(); l++) {
            String p = BertWeights.layerPrefix(l);
            for (String proj : List.of("attention.self.query", "attention.self.key", "attention.self.value",
                    "attention.output.dense")) {
                m.put(p + proj + ".weight", random(rnd, h, h));
                m.put(p + proj + ".bias", random(rnd, h));
            }
            m.put(p + "attention.output.LayerNorm.weight", random(rnd, h));
            m.put(p + "attention.output.LayerNorm.bias", random(rnd, h));
            m.put(p + "intermediate.dense.weight", random(rnd, ff, h));
            m.put(p + "intermediate.dense.bias", random(rnd, ff));
            m.put(p + "output.dense.weight", random(rnd, h, ff));
            m.put(p + "output.dense.bias", random(rnd, h));
            m.put(p + "output.LayerNorm.weight", random(rnd, h));
            m.put(p + "output.LayerNorm.bias", random(rnd, h));
        }
        m.put("pooler.dense.weight", random(rnd, h, h));
        m.put("pooler.dense.bias", random(rnd, h));
        if (c.numLabels() > 0) {
            m.put("classifier.weight", random(rnd, c.numLabels(), h));
            m.put("classifier.bias", random(rnd, c.numLabels()));
        }
        if (mlmHead) {
            m.put("cls.predictions.transform.dense.weight", random(rnd, h, h));
            m.put("cls.predictions.transform.dense.bias", random(rnd, h));
            m.put("cls.predictions.transform.LayerNorm.weight", random(rnd, h));
            m.put("cls.predictions.transform.LayerNorm.bias", random(rnd, h));
            m.put("cls.predictions.bias", random(rnd, c.vocabSize()));
        }
        return new BertWeights(m);
    }

    /** A full tiny checkpoint (no MLM head) with the given labels. */
    public static BertCheckpoint checkpoint(List<String> labels) {
        BertConfig c = config(labels);
        return new BertCheckpoint(c, weights(c, false, 42), vocabulary(),
                Map.of("do_lower_case", "false", "model_max_length", "16"), null);
    }

    private static HostTensor random(Random rnd, int... shape) {
        HostTensor t = HostTensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) rnd.nextGaussian();
        }
        return new HostTensor(shape, d);
    }
}
