package org.bertgeometry.knime.nodes.loader;

import org.bertgeometry.knime.nodes.NodeSettingsGroup;
import org.bertgeometry.knime.nodes.SettingsNodeModel;
import org.bertgeometry.knime.port.FileStoreFolders;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bertgeometry.knime.port.BertModelPortObject;
import org.bertgeometry.knime.port.BertModelPortObjectSpec;
import org.bertgeometry.checkpoint.BertCheckpoint;
import org.bertgeometry.model.BertConfig;
import org.bertgeometry.checkpoint.HuggingFaceFolder;
import org.bertgeometry.checkpoint.ModelFormatException;
import org.bertgeometry.checkpoint.ModelLoader;
import org.bertgeometry.checkpoint.VocabularyFiles;
import org.knime.core.data.filestore.FileStore;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.bertgeometry.checkpoint.ConfigFile;

/**
 * BERT Loader: reads a BERT model and puts it on a BERT model port, always in Hugging Face layout inside a file
 * store so that the workflow stays valid when the source changes or disappears. A Hugging Face folder is checked
 * in {@code configure} from its config.json alone (downstream nodes are validated without loading weights) and
 * copied by bytes in {@code execute} (progress per chunk, cancellation between chunks). Any other format the
 * engine's {@link ModelLoader} reads (a TensorFlow checkpoint, an ONNX export, a .safetensors file with
 * config.json beside it) is imported in {@code execute} and saved in Hugging Face layout; its spec is unknown
 * until then. Source RANDOM instead creates a new, randomly initialised model of a chosen size for a given
 * vocabulary ({@link RandomModelSource}); its spec is known in configure from the vocabulary file.
 */
public final class BertLoaderNodeModel extends SettingsNodeModel {

    /** Weight files recognised, in order of preference. */
    static final List<String> WEIGHT_FILES = List.of("model.safetensors");

    /** Tokenizer files recognised, in order of preference. */
    static final List<String> TOKENIZER_FILES = List.of("vocab.txt", "tokenizer.json");

    /** Optional Hugging Face side files copied along when present. */
    static final List<String> SIDE_FILES =
        List.of("tokenizer_config.json", "special_tokens_map.json", "added_tokens.json",
            org.bertgeometry.variants.abstention.AbstentionRule.FILE); // so the Infer node can abstain

    private static final int COPY_CHUNK = 1 << 20;

    private final BertLoaderSettings m_settings = new BertLoaderSettings();

    BertLoaderNodeModel() {
        super(new PortType[0], new PortType[]{BertModelPortObject.TYPE});
    }

    BertLoaderSettings settings() {
        return m_settings;
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        if (m_settings.isRandom()) {
            return new PortObjectSpec[]{RandomModelSource.from(m_settings).spec()};
        }
        Path source = m_settings.folder();
        if (isImport(source)) {
            return new PortObjectSpec[]{null}; // known once the model is imported
        }
        return new PortObjectSpec[]{inspect(source).spec()};
    }

    /**
     * Whether the engine's {@link ModelLoader} imports the source (any format but a Hugging Face folder, which is
     * copied by bytes instead); its format detection decides, so the node accepts exactly what the CLI accepts.
     *
     * @throws InvalidSettingsException when the source does not exist or is no model we can read
     */
    static boolean isImport(final Path source) throws InvalidSettingsException {
        try {
            ModelLoader.Format format = ModelLoader.detect(source);
            return !Files.isDirectory(source) || format != ModelLoader.Format.HUGGING_FACE_FOLDER;
        } catch (ModelFormatException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    /** What a folder holds, checked: spec plus the files to copy. */
    record Inspection(BertModelPortObjectSpec spec, List<String> files) {
    }

    static Inspection inspect(final Path folder) throws InvalidSettingsException {
        if (!Files.isDirectory(folder)) {
            throw new InvalidSettingsException("The model folder '" + folder + "' does not exist or is not a folder.");
        }
        Path configFile = folder.resolve(BertModelPortObject.CONFIG_FILE);
        if (!Files.isRegularFile(configFile)) {
            throw new InvalidSettingsException("The model folder '" + folder
                + "' has no config.json; it must be a BERT model saved in Hugging Face layout.");
        }
        BertConfig config;
        try {
            config = ConfigFile.read(configFile);
        } catch (ModelFormatException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
        String tokenizer = firstPresent(folder, TOKENIZER_FILES);
        if (tokenizer == null) {
            throw new InvalidSettingsException("The model folder '" + folder + "' has no tokenizer: expected one of "
                + TOKENIZER_FILES + ".");
        }
        String weights = firstPresent(folder, WEIGHT_FILES);
        if (weights == null) {
            throw new InvalidSettingsException("The model folder '" + folder + "' has no weights: expected one of "
                + WEIGHT_FILES + ".");
        }
        List<String> files = new ArrayList<>(List.of(BertModelPortObject.CONFIG_FILE, tokenizer, weights));
        for (String side : SIDE_FILES) {
            if (Files.isRegularFile(folder.resolve(side))) {
                files.add(side);
            }
        }
        Path fileName = folder.toAbsolutePath().normalize().getFileName();
        String name = fileName == null ? folder.toString() : fileName.toString();
        return new Inspection(new BertModelPortObjectSpec(name, config, tokenizer), List.copyOf(files));
    }

    private static String firstPresent(final Path folder, final List<String> names) {
        return names.stream().filter(n -> Files.isRegularFile(folder.resolve(n))).findFirst().orElse(null);
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        if (m_settings.isRandom()) {
            return new PortObject[]{published(randomModel(RandomModelSource.from(m_settings), exec))};
        }
        Path source = m_settings.folder();
        if (isImport(source)) {
            return new PortObject[]{published(importModel(source, exec))};
        }
        Inspection inspection = inspect(source);
        FileStore store = exec.createFileStore("bert-model");
        Path target = store.getFile().toPath();
        Files.createDirectories(target);
        try {
            copyFiles(source, target, inspection.files(), exec);
        } catch (CanceledExecutionException | IOException | RuntimeException e) {
            FileStoreFolders.deleteRecursively(target);
            throw e;
        }
        return new PortObject[]{published(new BertModelPortObject(inspection.spec(), store))};
    }

    /** Pushes the model's size as flow variables and passes the model on. */
    private BertModelPortObject published(final BertModelPortObject model) {
        pushFlowVariables(ModelFlowVariables.of(model.getSpec().config()));
        return model;
    }

    private static BertModelPortObject importModel(final Path source, final ExecutionContext exec)
        throws Exception {
        exec.setMessage("Importing " + source);
        BertCheckpoint checkpoint;
        try {
            checkpoint = ModelLoader.load(source);
        } catch (ModelFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (checkpoint.vocabulary().isEmpty()) {
            checkpoint = checkpoint.withVocabulary(vocabularyBeside(source));
        }
        exec.checkCanceled();
        FileStore store = savedInFileStore(checkpoint, exec);
        Path fileName = source.toAbsolutePath().normalize().getFileName();
        String name = fileName == null ? source.toString() : fileName.toString();
        return new BertModelPortObject(
            new BertModelPortObjectSpec(name, checkpoint.config(), HuggingFaceFolder.VOCAB), store);
    }

    private static BertModelPortObject randomModel(final RandomModelSource source, final ExecutionContext exec)
        throws Exception {
        exec.setMessage("Drawing random weights");
        BertCheckpoint checkpoint = source.create();
        exec.checkCanceled();
        FileStore store = savedInFileStore(checkpoint, exec);
        return new BertModelPortObject(source.spec(), store);
    }

    /** Saves {@code checkpoint} in Hugging Face layout into a new file store, leaving nothing behind on failure. */
    private static FileStore savedInFileStore(final BertCheckpoint checkpoint, final ExecutionContext exec)
        throws Exception {
        FileStore store = exec.createFileStore("bert-model");
        Path target = store.getFile().toPath();
        try {
            exec.setMessage("Saving in Hugging Face layout");
            HuggingFaceFolder.save(checkpoint, target);
            exec.checkCanceled();
            exec.setProgress(1.0);
        } catch (CanceledExecutionException | IOException | RuntimeException e) {
            FileStoreFolders.deleteRecursively(target);
            throw e;
        }
        return store;
    }

    /** Formats without a vocabulary (ONNX): vocab.txt or tokenizer.json next to the file or in the folder. */
    private static List<String> vocabularyBeside(final Path source) throws ModelFormatException {
        Path dir = Files.isDirectory(source) ? source : source.toAbsolutePath().getParent();
        if (dir != null && Files.isRegularFile(dir.resolve(HuggingFaceFolder.VOCAB))) {
            return VocabularyFiles.readVocabTxt(dir.resolve(HuggingFaceFolder.VOCAB));
        }
        if (dir != null && Files.isRegularFile(dir.resolve(HuggingFaceFolder.TOKENIZER_JSON))) {
            return VocabularyFiles.readTokenizerJsonVocab(dir.resolve(HuggingFaceFolder.TOKENIZER_JSON));
        }
        throw new IllegalArgumentException("The model at '" + source + "' carries no vocabulary; put its vocab.txt"
            + " or tokenizer.json next to it.");
    }

    private static void copyFiles(final Path source, final Path target, final List<String> files,
        final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
        long total = 0;
        for (String f : files) {
            total += Files.size(source.resolve(f));
        }
        long done = 0;
        byte[] buffer = new byte[COPY_CHUNK];
        for (String f : files) {
            try (InputStream in = Files.newInputStream(source.resolve(f));
                    OutputStream out = Files.newOutputStream(target.resolve(f))) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    exec.checkCanceled();
                    out.write(buffer, 0, n);
                    done += n;
                    exec.setProgress(total == 0 ? 1 : (double)done / total, "Copying " + f);
                }
            }
        }
    }

    @Override
    protected NodeSettingsGroup settingsGroup() {
        return m_settings;
    }
}
