package org.bertgeometry.model;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;

/**
 * The task heads on top of the encoder, each a few lines: the pooler {@code tanh(W·CLS + b)}, the
 * sequence classifier (dropout then Linear on the pooled output) and the masked-LM head (transform
 * dense + activation + LayerNorm, then a decoder tied to the word embeddings plus its own bias), named
 * as in Hugging Face's {@code BertPooler}, {@code BertForSequenceClassification} and
 * {@code BertOnlyMLMHead}.
 */
final class TaskHeads {

    static final String POOLER = "pooler.dense";
    static final String CLASSIFIER = "classifier";
    static final String MLM_DENSE = "cls.predictions.transform.dense";
    private static final String MLM_NORM = "cls.predictions.transform.LayerNorm";
    /** The masked-LM output bias; some checkpoints store it as {@code cls.predictions.decoder.bias}. */
    static final String MLM_BIAS = "cls.predictions.bias";
    /** Where some checkpoints keep the masked-LM output bias. */
    static final String MLM_DECODER_BIAS = "cls.predictions.decoder.bias";
    /** The masked-LM decoder weight, which must be the word embedding table (tied). */
    static final String MLM_DECODER = "cls.predictions.decoder.weight";

    private TaskHeads() {
    }

    /** The pooler's dense layer. */
    static List<TensorSpec> poolerParameters(BertConfig c) {
        return TensorSpec.linear(POOLER, c.hiddenSize(), c.hiddenSize());
    }

    /** The classifier for {@code c}'s labels. */
    static List<TensorSpec> classifierParameters(BertConfig c) {
        return TensorSpec.linear(CLASSIFIER, c.numLabels(), c.hiddenSize());
    }

    /** The masked-LM transform and output bias (the decoder weight is the word embedding table). */
    static List<TensorSpec> maskedLmParameters(BertConfig c) {
        int h = c.hiddenSize();
        return TensorSpec.concat(TensorSpec.linear(MLM_DENSE, h, h), TensorSpec.layerNorm(MLM_NORM, h),
                List.of(new TensorSpec(MLM_BIAS, new int[] {c.vocabSize()}, TensorSpec.Init.ZEROS)));
    }

    /** {@code (B, T, H) -> (B, H)}. */
    static NDArray pool(Map<String, NDArray> p, NDArray hidden) {
        NDArray cls = hidden.get(":, 0, :");                                       // (B, H)
        return Dense.of(p, POOLER).apply(cls).tanh();
    }

    /** {@code (B, H) -> (B, labels)}. */
    static NDArray classify(Map<String, NDArray> p, NDArray pooled, BertConfig config, boolean training) {
        NDArray x = Ops.dropout(pooled, config.hiddenDropoutProb(), training);
        return Dense.of(p, CLASSIFIER).apply(x);
    }

    /** {@code (N, H) -> (N, vocab)}; {@code wordTable} is {@code (vocab, H)}. */
    static NDArray maskedLm(Map<String, NDArray> p, NDArray hidden, NDArray wordTable, BertConfig config) {
        NDArray h = Dense.of(p, MLM_DENSE).apply(hidden);
        h = Ops.activate(h, config.hiddenAct());
        h = Norm.of(p, MLM_NORM).apply(h, config.layerNormEps());
        return Ops.linear(h, wordTable, p.get(MLM_BIAS));
    }
}
