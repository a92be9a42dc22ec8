package org.bertgeometry.knime.nodes.loader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bertgeometry.knime.port.BertModelPortObjectSpec;
import org.bertgeometry.checkpoint.BertCheckpoint;
import org.bertgeometry.model.BertConfig;
import org.bertgeometry.model.BertInit;
import org.bertgeometry.checkpoint.HuggingFaceFolder;
import org.bertgeometry.checkpoint.ModelFormatException;
import org.bertgeometry.checkpoint.VocabularyFiles;
import org.bertgeometry.training.TrainingSettings;
import org.bertgeometry.variants.classifier.VariantClassifierTrainer;
import org.bertgeometry.variants.classifier.VariantPreset;
import org.knime.core.node.InvalidSettingsException;

/**
 * The Loader's "new random model" source: a BERT of one of the Variant Classifier's sizes (TINY, SMALL, BASE; see
 * {@link VariantPreset}) with weights drawn by the engine's {@link BertInit#random} (Hugging Face's initialisation:
 * normal(0, 0.02), zero biases, unit LayerNorm) for a given vocab.txt. Useful as an untrained baseline for the
 * geometry analyses, or as the starting point of a fine-tuning run. The tokenizer is WordPiece or the paper's
 * 12-mers with stride 9, with 512 positions.
 */
record RandomModelSource(VariantPreset size, List<String> vocabulary, boolean kmer, List<String> labels, long seed) {

    static final List<String> REQUIRED_TOKENS = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]");

    /** Reads and checks the vocabulary named by {@code s} (configure calls this: it reads only vocab.txt). */
    static RandomModelSource from(final BertLoaderSettings s) throws InvalidSettingsException {
        Path vocabFile = s.vocabularyFile();
        if (!Files.isRegularFile(vocabFile)) {
            throw new InvalidSettingsException("The vocabulary file '" + vocabFile + "' does not exist.");
        }
        List<String> vocab;
        try {
            vocab = VocabularyFiles.readVocabTxt(vocabFile);
        } catch (ModelFormatException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
        List<String> missing = REQUIRED_TOKENS.stream().filter(t -> !vocab.contains(t)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidSettingsException("The vocabulary '" + vocabFile + "' lacks the special token(s) "
                + missing + "; BERT's tokenizers need all of " + REQUIRED_TOKENS + ".");
        }
        return new RandomModelSource(s.size(), vocab, s.kmerTokenizer(), s.labels(), s.seed());
    }

    BertConfig config() {
        return size.config(vocabulary.size(), labels);
    }

    BertModelPortObjectSpec spec() {
        return new BertModelPortObjectSpec("random-" + size.name().toLowerCase(Locale.ROOT), config(),
            HuggingFaceFolder.VOCAB);
    }

    /** Draws the weights; the checkpoint carries the vocabulary and the tokenizer settings. */
    BertCheckpoint create() {
        BertConfig config = config();
        Map<String, String> tokenizer = kmer
            ? new VariantClassifierTrainer(TrainingSettings.paperDefaults())
                .tokenizerConfig(config.maxPositionEmbeddings())
            : Map.of();
        return new BertCheckpoint(config, BertInit.random(config, seed, false), vocabulary, tokenizer, null);
    }
}
