package org.bertgeometry.knime.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bertgeometry.model.HuggingFaceFolder;
import org.bertgeometry.model.ModelFormatException;
import org.bertgeometry.model.VocabularyFiles;
import org.bertgeometry.tokenize.Tokenizer;
import org.bertgeometry.tokenize.TokenizerFactory;
import org.bertgeometry.tokenize.Vocabulary;

/**
 * Builds the tokenizer of a model folder in Hugging Face layout without reading its weights: vocabulary from
 * vocab.txt (or tokenizer.json) and settings from tokenizer_config.json (or tokenizer.json), then
 * {@link TokenizerFactory}. Nodes that only tokenize therefore stay fast on large models.
 */
public final class ModelTokenizers {
    private ModelTokenizers() {
    }

    /**
     * @param folder the model folder
     * @param maxLengthOverride positions per input including special tokens; 0 keeps the model's own setting
     * @return the tokenizer
     * @throws ModelFormatException if the vocabulary or tokenizer settings are missing or malformed
     */
    public static Tokenizer forFolder(final Path folder, final int maxLengthOverride) throws ModelFormatException {
        Path vocabTxt = folder.resolve(HuggingFaceFolder.VOCAB);
        Path tokenizerJson = folder.resolve(HuggingFaceFolder.TOKENIZER_JSON);
        List<String> tokens;
        if (Files.isRegularFile(vocabTxt)) {
            tokens = VocabularyFiles.readVocabTxt(vocabTxt);
        } else if (Files.isRegularFile(tokenizerJson)) {
            tokens = VocabularyFiles.readTokenizerJsonVocab(tokenizerJson);
        } else {
            throw new ModelFormatException(folder, "no vocab.txt or tokenizer.json: the model has no tokenizer");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        Path tokenizerConfig = folder.resolve(HuggingFaceFolder.TOKENIZER_CONFIG);
        if (Files.isRegularFile(tokenizerConfig)) {
            settings.putAll(VocabularyFiles.readTokenizerConfig(tokenizerConfig));
        } else if (Files.isRegularFile(tokenizerJson)) {
            settings.putAll(VocabularyFiles.tokenizerJsonSettings(tokenizerJson));
        }
        if (maxLengthOverride > 0) {
            settings.put(TokenizerFactory.MODEL_MAX_LENGTH, Integer.toString(maxLengthOverride));
        }
        try {
            return TokenizerFactory.create(settings, Vocabulary.of(tokens));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(folder, "invalid tokenizer settings: " + e.getMessage(), e);
        }
    }
}
