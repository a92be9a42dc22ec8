package org.bertgeometry.knime.nodes.loader;

import org.bertgeometry.knime.nodes.DeclaredSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.bertgeometry.variants.classifier.VariantPreset;
import org.bertgeometry.knime.paths.PathResolver;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * Settings of the BERT Loader node, shared by the node model and its dialog. Source {@code FOLDER} (default) reads
 * the model at {@value #CFG_FOLDER} (default empty: the node is not configured until a folder is chosen). Source
 * {@code RANDOM} creates a new, randomly initialised model of a chosen size (TINY / SMALL / BASE, as the Variant
 * Classifier's presets; default SMALL) for the vocabulary in a vocab.txt file (required), tokenized by WordPiece
 * (default) or as overlapping 12-mers with stride 9, with optional comma-separated class labels (default none) and
 * a seed (default 42). Workflows saved before the random mode existed have no {@value #CFG_SOURCE} key and load
 * as {@code FOLDER}.
 */
public final class BertLoaderSettings extends DeclaredSettings {
    static final String CFG_FOLDER = "model_folder";
    static final String CFG_SOURCE = "source";
    static final String CFG_SIZE = "random_size";
    static final String CFG_VOCABULARY = "vocabulary_file";
    static final String CFG_TOKENIZER = "tokenizer";
    static final String CFG_LABELS = "labels";

    static final String FOLDER = "FOLDER";
    static final String RANDOM = "RANDOM";
    static final String WORDPIECE = "wordpiece";
    static final String KMER = "kmer";

    private final SettingsModelString m_folder = firstRelease().string(CFG_FOLDER, "");
    private final SettingsModelString m_source = addedLater().string(CFG_SOURCE, FOLDER);
    private final SettingsModelString m_size = addedLater().string(CFG_SIZE, VariantPreset.SMALL.name());
    private final SettingsModelString m_vocabulary = addedLater().string(CFG_VOCABULARY, "");
    private final SettingsModelString m_tokenizer = addedLater().string(CFG_TOKENIZER, WORDPIECE);
    private final SettingsModelString m_labels = addedLater().string(CFG_LABELS, "");
    private final SettingsModelIntegerBounded m_seed =
        addedLater().bounded("random_seed", 42, Integer.MIN_VALUE, Integer.MAX_VALUE);

    SettingsModelString folderModel() {
        return m_folder;
    }

    SettingsModelString sourceModel() {
        return m_source;
    }

    SettingsModelString sizeModel() {
        return m_size;
    }

    SettingsModelString vocabularyModel() {
        return m_vocabulary;
    }

    SettingsModelString tokenizerModel() {
        return m_tokenizer;
    }

    SettingsModelString labelsModel() {
        return m_labels;
    }

    SettingsModelIntegerBounded seedModel() {
        return m_seed;
    }

    /** @return the configured folder, validated to be a non-empty, well-formed path */
    Path folder() throws InvalidSettingsException {
        return PathResolver.resolve(nonBlankFolder(m_folder.getStringValue()), "model folder");
    }

    void setFolder(final String folder) {
        m_folder.setStringValue(folder);
    }

    /** Switches to a new random model of {@code size} for the vocabulary in {@code vocabTxt}. */
    void setRandom(final VariantPreset size, final String vocabTxt, final String tokenizer, final String labels,
        final int seed) {
        m_source.setStringValue(RANDOM);
        m_size.setStringValue(size.name());
        m_vocabulary.setStringValue(vocabTxt);
        m_tokenizer.setStringValue(tokenizer);
        m_labels.setStringValue(labels);
        m_seed.setIntValue(seed);
    }

    boolean isRandom() {
        return RANDOM.equals(m_source.getStringValue());
    }

    VariantPreset size() {
        return VariantPreset.parse(m_size.getStringValue());
    }

    Path vocabularyFile() throws InvalidSettingsException {
        String v = m_vocabulary.getStringValue();
        if (v == null || v.isBlank()) {
            throw new InvalidSettingsException("A new random model needs a vocabulary: choose a vocab.txt file"
                + " (one token per line, with [PAD], [UNK], [CLS], [SEP] and [MASK]).");
        }
        return PathResolver.resolve(v, "vocabulary file");
    }

    boolean kmerTokenizer() {
        return KMER.equals(m_tokenizer.getStringValue());
    }

    List<String> labels() {
        return parseLabels(m_labels.getStringValue());
    }

    int seed() {
        return m_seed.getIntValue();
    }

    static List<String> parseLabels(final String text) {
        List<String> out = new ArrayList<>();
        if (text != null) {
            for (String s : text.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    @Override
    protected void checkStored(final NodeSettingsRO settings) throws InvalidSettingsException {
        String source = settings.getString(CFG_SOURCE, FOLDER);
        if (FOLDER.equals(source)) {
            // an empty folder is a node not configured yet, which KNIME must be able to save and reopen: it is
            // refused at configure (folder()), where KNIME reports it as "not configured"; the path is resolved
            // there too, inside the workflow's context
            settings.getString(CFG_FOLDER);
            return;
        }
        if (!RANDOM.equals(source)) {
            throw new InvalidSettingsException("Unknown model source '" + source + "'; use FOLDER or RANDOM.");
        }
        String size = settings.getString(CFG_SIZE);
        try {
            VariantPreset.parse(size == null ? "" : size);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Unknown model size '" + size + "'; use TINY, SMALL or BASE.");
        }
        String tokenizer = settings.getString(CFG_TOKENIZER);
        if (!WORDPIECE.equals(tokenizer) && !KMER.equals(tokenizer)) {
            throw new InvalidSettingsException("Unknown tokenizer '" + tokenizer + "'; use wordpiece or kmer.");
        }
        settings.getString(CFG_VOCABULARY);
        List<String> labels = parseLabels(settings.getString(CFG_LABELS));
        if (new HashSet<>(labels).size() != labels.size()) {
            throw new InvalidSettingsException("The labels '" + settings.getString(CFG_LABELS)
                + "' repeat a name; class labels must be distinct.");
        }
    }

    private static String nonBlankFolder(final String value) throws InvalidSettingsException {
        if (value == null || value.isBlank()) {
            throw new InvalidSettingsException(
                "No model folder selected: set 'Model folder' in the BERT Loader's dialog to a folder with"
                    + " config.json, vocab.txt and model.safetensors (or a .safetensors, ONNX or TensorFlow file).");
        }
        return value;
    }

    /** @return true if the path names an existing directory */
    static boolean isDirectory(final Path p) {
        return Files.isDirectory(p);
    }
}
