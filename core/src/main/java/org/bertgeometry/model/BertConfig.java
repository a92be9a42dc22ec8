package org.bertgeometry.model;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every hyper-parameter of a BERT encoder, as Hugging Face's {@code BertConfig} names them in
 * {@code config.json}. Nothing else in the project carries sizes around: blocks, importers and
 * analyses take a {@code BertConfig}. The compact constructor validates the combination so that a
 * bad config fails with a clear message before any weight is touched.
 *
 * <p>Defaults (see {@link #defaults()}) are those of Hugging Face's {@code BertConfig()}, i.e.
 * BERT-Base: 30,522 tokens, 768 hidden, 12 layers, 12 heads, 3,072 intermediate, erf GELU, 512
 * positions, 2 token types, LayerNorm epsilon 1e-12, dropout 0.1 for hidden states and attention.
 *
 * @param labels class names indexed by label id ({@code id2label}); empty for a model without a
 *               classification head
 */
public record BertConfig(
        int vocabSize,
        int hiddenSize,
        int numHiddenLayers,
        int numAttentionHeads,
        int intermediateSize,
        Activation hiddenAct,
        int maxPositionEmbeddings,
        int typeVocabSize,
        double layerNormEps,
        double hiddenDropoutProb,
        double attentionProbsDropoutProb,
        List<String> labels) {

    public BertConfig {
        labels = List.copyOf(labels);
        requirePositive("vocab_size", vocabSize);
        requirePositive("hidden_size", hiddenSize);
        requirePositive("num_hidden_layers", numHiddenLayers);
        requirePositive("num_attention_heads", numAttentionHeads);
        requirePositive("intermediate_size", intermediateSize);
        requirePositive("max_position_embeddings", maxPositionEmbeddings);
        requirePositive("type_vocab_size", typeVocabSize);
        if (hiddenSize % numAttentionHeads != 0) {
            throw new IllegalArgumentException("hidden_size " + hiddenSize
                    + " is not divisible by num_attention_heads " + numAttentionHeads
                    + "; each head needs an equal share of the hidden dimensions");
        }
        if (!(layerNormEps > 0) || !Double.isFinite(layerNormEps)) {
            throw new IllegalArgumentException("layer_norm_eps must be a positive number, got " + layerNormEps);
        }
        requireProbability("hidden_dropout_prob", hiddenDropoutProb);
        requireProbability("attention_probs_dropout_prob", attentionProbsDropoutProb);
        if (hiddenAct == null) {
            throw new IllegalArgumentException("hidden_act is missing");
        }
    }

    /** Hugging Face's {@code BertConfig()} defaults (BERT-Base, no labels). */
    public static BertConfig defaults() {
        return new BertConfig(30522, 768, 12, 12, 3072, Activation.GELU, 512, 2, 1e-12, 0.1, 0.1, List.of());
    }

    /** Dimensions per head, {@code hidden_size / num_attention_heads}. */
    public int headDim() {
        return hiddenSize / numAttentionHeads;
    }

    /** Number of classes of the sequence-classification head (0 when there is none). */
    public int numLabels() {
        return labels.size();
    }

    /** The same config with other labels. */
    public BertConfig withLabels(List<String> newLabels) {
        return new BertConfig(vocabSize, hiddenSize, numHiddenLayers, numAttentionHeads, intermediateSize,
                hiddenAct, maxPositionEmbeddings, typeVocabSize, layerNormEps, hiddenDropoutProb,
                attentionProbsDropoutProb, newLabels);
    }

    /**
     * This config, or, when it names no labels but {@code tensors} hold a classifier, the same with
     * Hugging Face's default names {@code LABEL_0 .. LABEL_(n-1)} for the classifier's n outputs (what
     * {@code from_pretrained} does for a config without {@code id2label}).
     */
    public BertConfig withDefaultLabels(Map<String, HostTensor> tensors) {
        HostTensor classifier = tensors.get(TaskHeads.CLASSIFIER + TensorSpec.WEIGHT);
        if (!labels.isEmpty() || classifier == null) {
            return this;
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < classifier.dim(0); i++) {
            names.add("LABEL_" + i);
        }
        return withLabels(names);
    }

    /** The same config with another vocabulary size (after adding tokens). */
    public BertConfig withVocabSize(int newVocabSize) {
        return new BertConfig(newVocabSize, hiddenSize, numHiddenLayers, numAttentionHeads, intermediateSize,
                hiddenAct, maxPositionEmbeddings, typeVocabSize, layerNormEps, hiddenDropoutProb,
                attentionProbsDropoutProb, labels);
    }

    /**
     * Parses config JSON. Missing keys take the Hugging Face defaults; present keys must have the
     * right type. {@code id2label} wins over {@code label2id}; ids must be 0..n-1 without gaps.
     */
    public static BertConfig fromJson(String json) {
        JsonElement root = JsonParser.parseString(json);
        if (!root.isJsonObject()) {
            throw new IllegalArgumentException("config is not a JSON object");
        }
        JsonObject o = root.getAsJsonObject();
        BertConfig d = defaults();
        return new BertConfig(
                intOr(o, "vocab_size", d.vocabSize),
                intOr(o, "hidden_size", d.hiddenSize),
                intOr(o, "num_hidden_layers", d.numHiddenLayers),
                intOr(o, "num_attention_heads", d.numAttentionHeads),
                intOr(o, "intermediate_size", d.intermediateSize),
                o.has("hidden_act") ? Activation.fromConfigName(o.get("hidden_act").getAsString()) : d.hiddenAct,
                intOr(o, "max_position_embeddings", d.maxPositionEmbeddings),
                intOr(o, "type_vocab_size", d.typeVocabSize),
                doubleOr(o, "layer_norm_eps", d.layerNormEps),
                doubleOr(o, "hidden_dropout_prob", d.hiddenDropoutProb),
                doubleOr(o, "attention_probs_dropout_prob", d.attentionProbsDropoutProb),
                labelsOf(o));
    }

    /** Hugging Face {@code config.json} text for this config (model_type bert). */
    public String toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("model_type", "bert");
        JsonArray architectures = new JsonArray();
        architectures.add(labels.isEmpty() ? "BertModel" : "BertForSequenceClassification");
        o.add("architectures", architectures);
        o.addProperty("vocab_size", vocabSize);
        o.addProperty("hidden_size", hiddenSize);
        o.addProperty("num_hidden_layers", numHiddenLayers);
        o.addProperty("num_attention_heads", numAttentionHeads);
        o.addProperty("intermediate_size", intermediateSize);
        o.addProperty("hidden_act", hiddenAct.configName());
        o.addProperty("max_position_embeddings", maxPositionEmbeddings);
        o.addProperty("type_vocab_size", typeVocabSize);
        o.addProperty("layer_norm_eps", layerNormEps);
        o.addProperty("hidden_dropout_prob", hiddenDropoutProb);
        o.addProperty("attention_probs_dropout_prob", attentionProbsDropoutProb);
        o.addProperty("initializer_range", 0.02);
        o.addProperty("pad_token_id", 0);
        o.addProperty("position_embedding_type", "absolute");
        if (!labels.isEmpty()) {
            JsonObject id2label = new JsonObject();
            JsonObject label2id = new JsonObject();
            for (int i = 0; i < labels.size(); i++) {
                id2label.addProperty(Integer.toString(i), labels.get(i));
                label2id.addProperty(labels.get(i), i);
            }
            o.add("id2label", id2label);
            o.add("label2id", label2id);
        }
        Gson gson = new GsonBuilder().setPrettyPrinting().create();
        return gson.toJson(o) + "\n";
    }

    private static List<String> labelsOf(JsonObject o) {
        Map<Integer, String> byId = new TreeMap<>();
        if (o.has("id2label") && o.get("id2label").isJsonObject()) {
            for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("id2label").entrySet()) {
                byId.put(parseId(e.getKey()), e.getValue().getAsString());
            }
        } else if (o.has("label2id") && o.get("label2id").isJsonObject()) {
            for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("label2id").entrySet()) {
                byId.put(e.getValue().getAsInt(), e.getKey());
            }
        }
        List<String> labels = new ArrayList<>();
        int expected = 0;
        for (Map.Entry<Integer, String> e : byId.entrySet()) {
            if (e.getKey() != expected) {
                throw new IllegalArgumentException("label ids must be 0.." + (byId.size() - 1)
                        + " without gaps; id " + expected + " is missing");
            }
            labels.add(e.getValue());
            expected++;
        }
        return labels;
    }

    private static int parseId(String key) {
        try {
            return Integer.parseInt(key.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("id2label key '" + key + "' is not an integer", e);
        }
    }

    private static int intOr(JsonObject o, String key, int fallback) {
        if (!o.has(key) || o.get(key).isJsonNull()) {
            return fallback;
        }
        try {
            double v = o.get(key).getAsDouble();
            if (v != Math.rint(v)) {
                throw new IllegalArgumentException(key + " must be an integer, got " + v);
            }
            return (int) v;
        } catch (NumberFormatException | UnsupportedOperationException e) {
            throw new IllegalArgumentException(key + " must be a number, got " + o.get(key), e);
        }
    }

    private static double doubleOr(JsonObject o, String key, double fallback) {
        if (!o.has(key) || o.get(key).isJsonNull()) {
            return fallback;
        }
        try {
            return o.get(key).getAsDouble();
        } catch (NumberFormatException | UnsupportedOperationException e) {
            throw new IllegalArgumentException(key + " must be a number, got " + o.get(key), e);
        }
    }

    private static void requirePositive(String key, int v) {
        if (v <= 0) {
            throw new IllegalArgumentException(key + " must be positive, got " + v);
        }
    }

    private static void requireProbability(String key, double v) {
        if (!(v >= 0 && v < 1)) {
            throw new IllegalArgumentException(key + " must be in [0, 1), got " + v);
        }
    }
}
