package org.bertgeometry.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Weight initialisation as Hugging Face's {@code BertPreTrainedModel._init_weights} does it: linear and
 * embedding weights drawn from N(0, 0.02²), biases zero, LayerNorm gamma 1 and beta 0. Drawn in Java
 * from a seeded generator, so a seed gives the same model on every machine and engine.
 */
public final class BertInit {

    /** Hugging Face's default {@code initializer_range}. */
    public static final double STD = 0.02;

    private BertInit() {
    }

    /**
     * Fresh weights for {@code config}: embeddings, every layer and the pooler; a classifier when the
     * config has labels; the masked-LM head (decoder tied to the word embeddings) when {@code withMlmHead}.
     */
    public static BertWeights random(BertConfig config, long seed, boolean withMlmHead) {
        List<TensorSpec> table = new ArrayList<>(BertParameters.encoder(config));
        table.addAll(TaskHeads.poolerParameters(config));
        if (config.numLabels() > 0) {
            table.addAll(TaskHeads.classifierParameters(config));
        }
        if (withMlmHead) {
            table.addAll(TaskHeads.maskedLmParameters(config));
        }
        Map<String, HostTensor> w = new LinkedHashMap<>();
        fill(w, new SplittableRandom(seed), table);
        return new BertWeights(w);
    }

    /**
     * {@code weights} plus a freshly initialised classifier for {@code config}'s labels (replacing any
     * existing one): how a pre-trained encoder becomes a sequence classifier before fine-tuning.
     */
    public static BertWeights withNewClassifier(BertWeights weights, BertConfig config, long seed) {
        if (config.numLabels() == 0) {
            throw new IllegalArgumentException("the config has no labels; a classifier needs at least one class");
        }
        Map<String, HostTensor> w = new LinkedHashMap<>(weights.asMap());
        fill(w, new SplittableRandom(seed), TaskHeads.classifierParameters(config));
        return new BertWeights(w);
    }

    /**
     * {@code weights} with the word-embedding table grown to {@code newVocabSize} rows, the new rows
     * drawn from N(0, 0.02^2) as the paper's Hugging Face version (4.30) initialised them in
     * {@code resize_token_embeddings}; existing rows are kept bit for bit. A masked-LM output bias, if
     * present, grows with zeros. Shrinking is refused.
     */
    public static BertWeights withResizedVocabulary(BertWeights weights, int newVocabSize, long seed) {
        HostTensor old = weights.get(Embeddings.WORD);
        if (old == null || old.rank() != 2) {
            throw new IllegalArgumentException("weights have no 2-D embeddings.word_embeddings.weight");
        }
        int rows = old.dim(0);
        int h = old.dim(1);
        if (newVocabSize < rows) {
            throw new IllegalArgumentException("cannot shrink the vocabulary from " + rows + " to " + newVocabSize);
        }
        float[] data = java.util.Arrays.copyOf(old.data(), newVocabSize * h);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = rows * h; i < data.length; i++) {
            data[i] = (float) (gaussian(rng) * STD);
        }
        Map<String, HostTensor> w = new LinkedHashMap<>(weights.asMap());
        w.put(Embeddings.WORD, new HostTensor(new int[] {newVocabSize, h}, data));
        HostTensor bias = weights.get(TaskHeads.MLM_BIAS);
        if (bias != null) {
            w.put(TaskHeads.MLM_BIAS, new HostTensor(new int[] {newVocabSize},
                    java.util.Arrays.copyOf(bias.data(), newVocabSize)));
        }
        return new BertWeights(w);
    }

    /** Each tensor of {@code table}, in order; only N(0, 0.02²) tensors draw from {@code rng}. */
    private static void fill(Map<String, HostTensor> w, SplittableRandom rng, List<TensorSpec> table) {
        for (TensorSpec s : table) {
            int[] shape = s.shape();
            w.put(s.name(), switch (s.init()) {
                case NORMAL -> normal(rng, shape[0], shape[1]);
                case ZEROS -> HostTensor.zeros(shape);
                case ONES -> ones(shape[0]);
            });
        }
    }

    private static HostTensor ones(int size) {
        float[] ones = new float[size];
        java.util.Arrays.fill(ones, 1f);
        return new HostTensor(new int[] {size}, ones);
    }

    private static HostTensor normal(SplittableRandom rng, int rows, int cols) {
        float[] d = new float[Math.multiplyExact(rows, cols)];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (gaussian(rng) * STD);
        }
        return new HostTensor(new int[] {rows, cols}, d);
    }

    /** Box–Muller; SplittableRandom has no nextGaussian on Java 17. */
    private static double gaussian(SplittableRandom rng) {
        double u = 1.0 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
