package org.bertgeometry.checkpoint;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bertgeometry.model.BertConfig;
import org.bertgeometry.model.BertModel;
import org.bertgeometry.model.BertWeights;

/**
 * Everything an importer reads from a model on disk: the hyper-parameters, the weights (Hugging Face
 * {@code BertModel} names, {@code [out, in]} linear weights), the vocabulary and the tokenizer
 * settings. It is what {@link ModelLoader} returns for every supported format and what
 * {@link HuggingFaceFolder#save} writes, so the rest of the engine never sees a file format.
 *
 * @param config          the model's hyper-parameters
 * @param weights         the tensors, already renamed and transposed to Hugging Face conventions
 * @param vocabulary      token strings indexed by token id; empty when the format carried none
 * @param tokenizerConfig the scalar entries of {@code tokenizer_config.json} as strings (for example
 *                        {@code do_lower_case -> "true"}, {@code model_max_length -> "512"}); the
 *                        tokenizer interprets the keys, this type only carries them. Our k-mer models
 *                        add {@code bertgeo_tokenizer = "kmer"}, {@code kmer_k}, {@code kmer_stride}.
 * @param source          the file or folder it was read from ({@code null} for a model built in memory)
 */
public record BertCheckpoint(
        BertConfig config,
        BertWeights weights,
        List<String> vocabulary,
        Map<String, String> tokenizerConfig,
        Path source) {

    public BertCheckpoint {
        if (config == null || weights == null) {
            throw new IllegalArgumentException("a checkpoint needs a config and weights");
        }
        vocabulary = List.copyOf(vocabulary);
        tokenizerConfig = Collections.unmodifiableMap(new LinkedHashMap<>(tokenizerConfig));
    }

    /** The same checkpoint with another vocabulary. */
    public BertCheckpoint withVocabulary(List<String> newVocabulary) {
        return new BertCheckpoint(config, weights, newVocabulary, tokenizerConfig, source);
    }

    /** The same checkpoint with other tokenizer settings. */
    public BertCheckpoint withTokenizerConfig(Map<String, String> newTokenizerConfig) {
        return new BertCheckpoint(config, weights, vocabulary, newTokenizerConfig, source);
    }
}
