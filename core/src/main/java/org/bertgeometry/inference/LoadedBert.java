package org.bertgeometry.inference;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bertgeometry.checkpoint.BertCheckpoint;
import org.bertgeometry.checkpoint.ConfigFile;
import org.bertgeometry.checkpoint.HuggingFaceFolder;
import org.bertgeometry.checkpoint.ModelFormatException;
import org.bertgeometry.model.BatchInput;
import org.bertgeometry.model.BertConfig;
import org.bertgeometry.model.BertModel;
import org.bertgeometry.tokenize.Encoding;
import org.bertgeometry.tokenize.Tokenizer;
import org.bertgeometry.tokenize.TokenizerFactory;
import org.bertgeometry.tokenize.Vocabulary;

/**
 * A checkpoint made ready to run: its tokenizer (built from the checkpoint's vocabulary and
 * tokenizer settings, so text and nucleotide models are handled alike) and its weights on the
 * engine. Every front end opens models here: the CLI, the variant pipeline, the analysis pass and the
 * KNIME nodes; nodes that only tokenize use {@link #openTokenizer}, which reads no weights but applies
 * the same checks. Owns native memory: close it.
 */
public final class LoadedBert implements AutoCloseable {

    private final BertCheckpoint checkpoint;
    private final Tokenizer tokenizer;
    private final BertModel model;

    private LoadedBert(BertCheckpoint checkpoint, Tokenizer tokenizer, BertModel model) {
        this.checkpoint = checkpoint;
        this.tokenizer = tokenizer;
        this.model = model;
    }

    /**
     * Builds the tokenizer and puts the weights on the engine.
     *
     * @throws IllegalArgumentException when the checkpoint has no vocabulary, or its vocabulary and
     *                                  config disagree on the number of tokens
     */
    public static LoadedBert open(BertCheckpoint checkpoint) {
        return open(checkpoint, 0);
    }

    /**
     * As {@link #open(BertCheckpoint)}, with the tokenizer's length limit set to {@code maxLength}
     * positions (special tokens included) instead of the checkpoint's own; 0 keeps the checkpoint's.
     */
    public static LoadedBert open(BertCheckpoint checkpoint, int maxLength) {
        Tokenizer tokenizer = tokenizer(checkpoint.vocabulary(), checkpoint.tokenizerConfig(),
                checkpoint.config().vocabSize(), maxLength, String.valueOf(checkpoint.source()));
        return new LoadedBert(checkpoint, tokenizer, BertModel.load(checkpoint.config(), checkpoint.weights()));
    }

    /**
     * The tokenizer of the Hugging Face folder {@code folder}, built exactly as {@link #open} builds it
     * (same checks) but from {@code config.json}, the vocabulary and the tokenizer settings alone,
     * without reading the weights, so that nodes which only tokenize stay fast on large models.
     *
     * @param maxLength positions per input including special tokens; 0 keeps the model's own setting
     * @throws ModelFormatException     if config.json, the vocabulary or the tokenizer settings are
     *                                  missing or malformed
     * @throws IllegalArgumentException as for {@link #open(BertCheckpoint)}, or for invalid settings
     */
    public static Tokenizer openTokenizer(Path folder, int maxLength) throws ModelFormatException {
        BertConfig config = ConfigFile.read(folder.resolve(HuggingFaceFolder.CONFIG));
        return tokenizer(HuggingFaceFolder.readVocabulary(folder), HuggingFaceFolder.readTokenizerSettings(folder),
                config.vocabSize(), maxLength, folder.toString());
    }

    private static Tokenizer tokenizer(List<String> vocabulary, Map<String, String> settings, int vocabSize,
            int maxLength, String source) {
        if (vocabulary.isEmpty()) {
            throw new IllegalArgumentException(source + ": the model has no vocabulary; put vocab.txt "
                    + "or tokenizer.json beside it");
        }
        if (vocabulary.size() > vocabSize) {
            throw new IllegalArgumentException(source + ": the vocabulary has " + vocabulary.size()
                    + " tokens but the model's embedding table only " + vocabSize
                    + "; the vocabulary does not belong to these weights");
        }
        Map<String, String> effective = new LinkedHashMap<>(settings);
        if (maxLength > 0) {
            effective.put(TokenizerFactory.MODEL_MAX_LENGTH, Integer.toString(maxLength));
        }
        return TokenizerFactory.create(effective, Vocabulary.of(vocabulary));
    }

    public BertCheckpoint checkpoint() {
        return checkpoint;
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    public BertModel model() {
        return model;
    }

    /** Right-pads encodings into one batch (mask and token types taken from the encodings). */
    public BatchInput batch(List<Encoding> encodings) {
        int t = 0;
        for (Encoding e : encodings) {
            t = Math.max(t, e.realLength());
        }
        int b = encodings.size();
        int[][] ids = new int[b][t];
        int[][] mask = new int[b][t];
        int[][] types = new int[b][t];
        int pad = tokenizer.vocabulary().padId();
        for (int i = 0; i < b; i++) {
            Encoding e = encodings.get(i);
            int n = e.realLength();
            Arrays.fill(ids[i], pad);
            System.arraycopy(e.ids(), 0, ids[i], 0, n);
            System.arraycopy(e.typeIds(), 0, types[i], 0, n);
            Arrays.fill(mask[i], 0, n, 1);
        }
        return new BatchInput(ids, mask, types, null);
    }

    @Override
    public void close() {
        model.close();
    }
}
