package org.bertgeometry.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of a BERT model by their Hugging Face {@code BertModel} names (for example
 * {@code encoder.layer.3.attention.self.query.weight}), with Hugging Face's layouts: linear weights
 * are {@code [out, in]}. Task heads are stored under their own names: pooler {@code pooler.dense.*},
 * sequence classifier {@code classifier.*}, masked-language-model head {@code cls.predictions.*}.
 * Every importer produces this map, every consumer reads it; the {@code bert.} prefix used by
 * Hugging Face's task models is stripped on the way in and added on the way out.
 *
 * <p>{@link #require} is the one place shapes are checked against the config: it fails loudly on
 * the first missing or mis-shaped tensor, naming it.
 */
public final class BertWeights {

    private final Map<String, HostTensor> tensors;

    public BertWeights(Map<String, HostTensor> tensors) {
        this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    }

    /** All tensors, in insertion order. */
    public Map<String, HostTensor> asMap() {
        return tensors;
    }

    public Set<String> names() {
        return tensors.keySet();
    }

    public boolean has(String name) {
        return tensors.containsKey(name);
    }

    /** The tensor or {@code null}. */
    public HostTensor get(String name) {
        return tensors.get(name);
    }

    /**
     * The tensor named {@code name}, which must have exactly {@code shape}.
     *
     * @throws IllegalArgumentException naming the tensor when it is missing or mis-shaped
     */
    public HostTensor require(String name, int... shape) {
        HostTensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("missing tensor '" + name + "'");
        }
        if (!t.hasShape(shape)) {
            throw new IllegalArgumentException("tensor '" + name + "' has shape " + t.shapeString()
                    + " but the config needs " + Arrays.toString(shape));
        }
        return t;
    }

    /** Total number of scalar parameters (tied weights counted once, as they are stored once). */
    public long parameterCount() {
        long n = 0;
        for (HostTensor t : tensors.values()) {
            n += t.size();
        }
        return n;
    }

    /** Prefix of encoder layer {@code l}'s tensors, e.g. {@code encoder.layer.3.}. */
    public static String layerPrefix(int layer) {
        return "encoder.layer." + layer + ".";
    }

    /**
     * Checks that every tensor the encoder needs is present with the shape {@code config} implies
     * (embeddings, every layer; the pooler and classifier only if present), walking the table the
     * blocks declare ({@link BertParameters}).
     *
     * @throws IllegalArgumentException on the first problem, naming the tensor
     */
    public void validateAgainst(BertConfig config) {
        requireAll(BertParameters.encoder(config));
        if (has(TaskHeads.POOLER + TensorSpec.WEIGHT)) {
            requireAll(TaskHeads.poolerParameters(config));
        }
        if (has(TaskHeads.CLASSIFIER + TensorSpec.WEIGHT)) {
            requireAll(TaskHeads.classifierParameters(config));
        }
    }

    /** {@link #require} for each of {@code specs}, in order. */
    void requireAll(java.util.List<TensorSpec> specs) {
        for (TensorSpec s : specs) {
            require(s.name(), s.shape());
        }
    }

    /**
     * Shape checks for the masked-language-model head, which {@link #validateAgainst} skips because a
     * checkpoint may carry it partially (the importers call this once the head's names are settled).
     */
    public void validateMaskedLmHead(BertConfig c) {
        for (TensorSpec s : TaskHeads.maskedLmParameters(c)) {
            boolean present = s.name().equals(TaskHeads.MLM_BIAS) ? has(TaskHeads.MLM_BIAS)
                    : has(TaskHeads.MLM_DENSE + TensorSpec.WEIGHT);
            if (present) {
                require(s.name(), s.shape());
            }
        }
        if (has(TaskHeads.MLM_DECODER)) {
            require(TaskHeads.MLM_DECODER, c.vocabSize(), c.hiddenSize());
        }
    }
}
