package org.bertgeometry.model;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * The task heads on top of the encoder, each a few lines: the pooler {@code tanh(W·CLS + b)}, the
 * sequence classifier (dropout then Linear on the pooled output) and the masked-LM head (transform
 * dense + activation + LayerNorm, then a decoder tied to the word embeddings plus its own bias), named
 * as in Hugging Face's {@code BertPooler}, {@code BertForSequenceClassification} and
 * {@code BertOnlyMLMHead}.
 */
final class Heads {

    private Heads() {
    }

    /** {@code (B, T, H) -> (B, H)}. */
    static NDArray pool(Map<String, NDArray> p, NDArray hidden) {
        NDArray cls = hidden.get(":, 0, :");                                       // (B, H)
        return Ops.linear(cls, p.get("pooler.dense.weight"), p.get("pooler.dense.bias")).tanh();
    }

    /** {@code (B, H) -> (B, labels)}. */
    static NDArray classify(Map<String, NDArray> p, NDArray pooled, BertConfig config, boolean training) {
        NDArray x = Ops.dropout(pooled, config.hiddenDropoutProb(), training);
        return Ops.linear(x, p.get("classifier.weight"), p.get("classifier.bias"));
    }

    /** {@code (N, H) -> (N, vocab)}; {@code wordTable} is {@code (vocab, H)}. */
    static NDArray maskedLm(Map<String, NDArray> p, NDArray hidden, NDArray wordTable, BertConfig config) {
        NDArray h = Ops.linear(hidden, p.get("cls.predictions.transform.dense.weight"),
                p.get("cls.predictions.transform.dense.bias"));
        h = Ops.activate(h, config.hiddenAct());
        h = Ops.layerNorm(h, p.get("cls.predictions.transform.LayerNorm.weight"),
                p.get("cls.predictions.transform.LayerNorm.bias"), config.layerNormEps());
        return Ops.linear(h, wordTable, p.get("cls.predictions.bias"));
    }
}
