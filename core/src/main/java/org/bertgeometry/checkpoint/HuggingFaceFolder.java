package org.bertgeometry.checkpoint;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bertgeometry.checkpoint.safetensors.SafetensorsContent;
import org.bertgeometry.checkpoint.safetensors.SafetensorsReader;
import org.bertgeometry.checkpoint.safetensors.SafetensorsWriter;
import org.bertgeometry.model.BertConfig;
import org.bertgeometry.model.BertModel;
import org.bertgeometry.model.BertWeights;
import org.bertgeometry.model.HostTensor;

/**
 * Loads and saves a model as a Hugging Face folder, the layout {@code save_pretrained} writes and
 * {@code from_pretrained} reads: {@code config.json}, {@code model.safetensors} (or shards listed in
 * {@code model.safetensors.index.json}), {@code vocab.txt} or {@code tokenizer.json}, and optionally
 * {@code tokenizer_config.json}. Tensor names are accepted with or without the {@code bert.} prefix
 * of Hugging Face's task models, and the old {@code LayerNorm.gamma/beta} names are read as
 * {@code weight/bias}. {@code pytorch_model.bin} is refused: it is a Python pickle, and unpickling
 * can run arbitrary code. See docs/formats.md ("Hugging Face folder").
 */
public final class HuggingFaceFolder {

    /** File names of the layout. */
    public static final String CONFIG = "config.json";
    public static final String WEIGHTS = "model.safetensors";
    public static final String WEIGHTS_INDEX = "model.safetensors.index.json";
    public static final String VOCAB = "vocab.txt";
    public static final String TOKENIZER_JSON = "tokenizer.json";
    public static final String TOKENIZER_CONFIG = "tokenizer_config.json";
    public static final String SPECIAL_TOKENS_MAP = "special_tokens_map.json";
    public static final String PYTORCH_PICKLE = "pytorch_model.bin";

    private static final List<String> SPECIAL_TOKENS = List.of(
            "unk_token=[UNK]", "sep_token=[SEP]", "pad_token=[PAD]", "cls_token=[CLS]", "mask_token=[MASK]");

    private HuggingFaceFolder() {
    }

    /** Whether {@code dir} looks like a Hugging Face folder we can load (config plus safetensors). */
    public static boolean isFolder(Path dir) {
        return Files.isDirectory(dir) && Files.isRegularFile(dir.resolve(CONFIG))
                && (Files.isRegularFile(dir.resolve(WEIGHTS)) || Files.isRegularFile(dir.resolve(WEIGHTS_INDEX)));
    }

    /**
     * The refusal for a PyTorch pickle checkpoint, with the Python commands that convert it.
     */
    public static ModelFormatException pickleRefusal(Path file) {
        return new ModelFormatException(file, "pytorch_model.bin is a Python pickle, and loading a pickle"
                + " can execute arbitrary code, so it is not read. Convert it once to safetensors in Python:"
                + " model = transformers.AutoModel.from_pretrained(dir); model.save_pretrained(dir,"
                + " safe_serialization=True)  (or: from safetensors.torch import save_file;"
                + " save_file(torch.load('pytorch_model.bin', weights_only=True), 'model.safetensors'))");
    }

    /**
     * Loads the Hugging Face folder {@code dir}.
     *
     * @throws ModelFormatException naming the file and problem: missing file, bad safetensors, a tensor
     *                              whose shape disagrees with {@code config.json}, a bad vocabulary, or
     *                              a folder that holds only {@code pytorch_model.bin}
     */
    public static BertCheckpoint load(Path dir) throws ModelFormatException {
        if (!Files.isDirectory(dir)) {
            throw new ModelFormatException(dir, "not a folder");
        }
        Path weightsFile = dir.resolve(WEIGHTS);
        if (!Files.isRegularFile(weightsFile) && !Files.isRegularFile(dir.resolve(WEIGHTS_INDEX))) {
            if (Files.isRegularFile(dir.resolve(PYTORCH_PICKLE))) {
                throw pickleRefusal(dir.resolve(PYTORCH_PICKLE));
            }
            throw new ModelFormatException(dir, "no " + WEIGHTS + " in this folder; a Hugging Face model"
                    + " folder needs config.json, model.safetensors and vocab.txt (or tokenizer.json)");
        }
        return loadSafetensors(Files.isRegularFile(weightsFile) ? weightsFile : dir.resolve(WEIGHTS_INDEX));
    }

    /**
     * Loads a safetensors file (or a {@code model.safetensors.index.json} of shards) with the
     * {@code config.json}, vocabulary and tokenizer files of its folder.
     */
    public static BertCheckpoint loadSafetensors(Path weightsFile) throws ModelFormatException {
        Path dir = weightsFile.toAbsolutePath().getParent();
        Path configFile = dir.resolve(CONFIG);
        if (!Files.isRegularFile(configFile)) {
            throw new ModelFormatException(weightsFile, "no config.json beside the weights; it is needed"
                    + " for the model's hyper-parameters");
        }
        BertConfig config = ConfigFile.read(configFile);
        Map<String, HostTensor> raw = new LinkedHashMap<>();
        Map<String, Path> origin = new LinkedHashMap<>();
        for (Path shard : shards(weightsFile)) {
            SafetensorsContent c = SafetensorsReader.read(shard);
            for (Map.Entry<String, String> e : c.nonFloat().entrySet()) {
                if (!e.getKey().endsWith("position_ids")) {
                    throw new ModelFormatException(shard, "tensor '" + e.getKey() + "' has dtype " + e.getValue()
                            + "; BERT weights must be floating point");
                }
            }
            for (Map.Entry<String, HostTensor> e : c.tensors().entrySet()) {
                if (raw.put(e.getKey(), e.getValue()) != null) {
                    throw new ModelFormatException(shard, "tensor '" + e.getKey() + "' appears in two shards");
                }
                origin.put(e.getKey(), shard);
            }
        }
        Map<String, HostTensor> tensors = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, HostTensor> e : raw.entrySet()) {
            String name = canonicalName(e.getKey());
            if (name == null) {
                unknown.add(e.getKey());
                continue;
            }
            if (tensors.put(name, e.getValue()) != null) {
                throw new ModelFormatException(origin.get(e.getKey()), "tensor '" + name
                        + "' is stored twice (with and without the bert. prefix or gamma/beta names)");
            }
        }
        if (!unknown.isEmpty()) {
            throw new ModelFormatException(weightsFile, "tensors that belong to no BERT part we know: " + unknown
                    + "; expected embeddings.*, encoder.*, pooler.*, classifier.* or cls.* (optionally"
                    + " prefixed bert.)");
        }
        config = config.withDefaultLabels(tensors);
        BertWeights weights = new BertWeights(tensors);
        try {
            weights.validateAgainst(config);
            weights.validateMaskedLmHead(config);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(weightsFile, e.getMessage() + " (shapes come from " + configFile
                    + ")", e);
        }
        List<String> vocab = readVocabulary(dir);
        if (vocab.size() > config.vocabSize()) {
            throw new ModelFormatException(dir, "the vocabulary has " + vocab.size() + " tokens but config.json"
                    + " says vocab_size " + config.vocabSize());
        }
        return new BertCheckpoint(config, weights, vocab, readTokenizerSettings(dir),
                weightsFile.getFileName().toString().equals(WEIGHTS) ? dir : weightsFile);
    }

    private static List<Path> shards(Path weightsFile) throws ModelFormatException {
        if (!weightsFile.getFileName().toString().endsWith(".index.json")) {
            return List.of(weightsFile);
        }
        String text = VocabularyFiles.readStrictUtf8(weightsFile);
        Set<Path> out = new LinkedHashSet<>();
        try {
            JsonObject map = JsonParser.parseString(text).getAsJsonObject().getAsJsonObject("weight_map");
            if (map == null) {
                throw new ModelFormatException(weightsFile, "no weight_map object");
            }
            for (Map.Entry<String, JsonElement> e : map.entrySet()) {
                String shard = e.getValue().getAsString();
                if (shard.contains("/") || shard.contains("\\")) {
                    throw new ModelFormatException(weightsFile, "shard name '" + shard + "' must be a plain file name");
                }
                out.add(weightsFile.toAbsolutePath().getParent().resolve(shard));
            }
        } catch (JsonParseException | IllegalStateException | ClassCastException e) {
            throw new ModelFormatException(weightsFile, "malformed index: " + e.getMessage(), e);
        }
        return List.copyOf(out);
    }

    /**
     * The {@link BertWeights} name for a stored tensor name, or {@code null} if it is no BERT part:
     * strips {@code bert.}, renames {@code LayerNorm.gamma/beta} to {@code weight/bias}.
     */
    static String canonicalName(String stored) {
        String n = stored.startsWith("bert.") ? stored.substring("bert.".length()) : stored;
        if (n.endsWith("LayerNorm.gamma")) {
            n = n.substring(0, n.length() - "gamma".length()) + "weight";
        } else if (n.endsWith("LayerNorm.beta")) {
            n = n.substring(0, n.length() - "beta".length()) + "bias";
        }
        boolean known = n.startsWith("embeddings.") || n.startsWith("encoder.") || n.startsWith("pooler.")
                || n.startsWith("classifier.") || n.startsWith("cls.");
        return known ? n : null;
    }

    /**
     * The tokenizer settings of the folder {@code dir}: {@code tokenizer_config.json}, else those of
     * {@code tokenizer.json}, else none.
     */
    public static Map<String, String> readTokenizerSettings(Path dir) throws ModelFormatException {
        Map<String, String> settings = new LinkedHashMap<>();
        if (Files.isRegularFile(dir.resolve(TOKENIZER_CONFIG))) {
            settings.putAll(VocabularyFiles.readTokenizerConfig(dir.resolve(TOKENIZER_CONFIG)));
        } else if (Files.isRegularFile(dir.resolve(TOKENIZER_JSON))) {
            settings.putAll(VocabularyFiles.tokenizerJsonSettings(dir.resolve(TOKENIZER_JSON)));
        }
        return settings;
    }

    /** The vocabulary of the folder {@code dir}: {@code vocab.txt}, else that of {@code tokenizer.json}. */
    public static List<String> readVocabulary(Path dir) throws ModelFormatException {
        if (Files.isRegularFile(dir.resolve(VOCAB))) {
            return VocabularyFiles.readVocabTxt(dir.resolve(VOCAB));
        }
        if (Files.isRegularFile(dir.resolve(TOKENIZER_JSON))) {
            return VocabularyFiles.readTokenizerJsonVocab(dir.resolve(TOKENIZER_JSON));
        }
        throw new ModelFormatException(dir, "no vocab.txt or tokenizer.json; the tokenizer needs the"
                + " model's vocabulary");
    }

    /**
     * Saves {@code checkpoint} as a Hugging Face folder: {@code config.json} (labels as
     * {@code id2label}), {@code model.safetensors} with Hugging Face names ({@code bert.} prefix on the
     * encoder and pooler when a classifier or MLM head is present, as {@code BertForSequenceClassification}
     * and {@code BertForMaskedLM} write them; plain {@code BertModel} names otherwise), {@code vocab.txt},
     * {@code tokenizer_config.json} and {@code special_tokens_map.json}. {@link #load} of the result
     * gives back the same config, tensors (bit for bit), vocabulary and tokenizer settings.
     *
     * @throws IllegalArgumentException if the vocabulary is empty or a token contains a line break
     */
    public static void save(BertCheckpoint checkpoint, Path dir) throws IOException {
        List<String> vocab = checkpoint.vocabulary();
        if (vocab.isEmpty()) {
            throw new IllegalArgumentException("cannot save a model without a vocabulary: vocab.txt would be"
                    + " empty and the folder could not be loaded");
        }
        for (int i = 0; i < vocab.size(); i++) {
            if (vocab.get(i).contains("\n") || vocab.get(i).contains("\r")) {
                throw new IllegalArgumentException("token " + i + " contains a line break; vocab.txt holds one"
                        + " token per line");
            }
        }
        Files.createDirectories(dir);
        Map<String, HostTensor> tensors = checkpoint.weights().asMap();
        boolean taskModel = tensors.keySet().stream()
                .anyMatch(n -> n.startsWith("classifier.") || n.startsWith("cls."));
        Map<String, HostTensor> stored = new LinkedHashMap<>();
        for (Map.Entry<String, HostTensor> e : tensors.entrySet()) {
            String n = e.getKey();
            boolean head = n.startsWith("classifier.") || n.startsWith("cls.");
            stored.put(taskModel && !head ? "bert." + n : n, e.getValue());
        }
        Files.writeString(dir.resolve(CONFIG), checkpoint.config().toJson(), StandardCharsets.UTF_8);
        SafetensorsWriter.write(dir.resolve(WEIGHTS), stored, Map.of("format", "pt"));
        Files.writeString(dir.resolve(VOCAB), String.join("\n", vocab) + "\n", StandardCharsets.UTF_8);
        JsonObject tok = new JsonObject();
        for (Map.Entry<String, String> e : checkpoint.tokenizerConfig().entrySet()) {
            String v = e.getValue();
            if (v.equals("true") || v.equals("false")) {
                tok.addProperty(e.getKey(), Boolean.parseBoolean(v));
            } else if (isCanonicalLong(v)) {
                tok.addProperty(e.getKey(), Long.parseLong(v));
            } else {
                tok.addProperty(e.getKey(), v);
            }
        }
        var gson = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
        Files.writeString(dir.resolve(TOKENIZER_CONFIG), gson.toJson(tok) + "\n", StandardCharsets.UTF_8);
        JsonObject special = new JsonObject();
        Set<String> tokens = new java.util.HashSet<>(vocab);
        for (String s : SPECIAL_TOKENS) {
            String key = s.substring(0, s.indexOf('='));
            String token = checkpoint.tokenizerConfig().getOrDefault(key, s.substring(s.indexOf('=') + 1));
            if (tokens.contains(token)) {
                special.addProperty(key, token);
            }
        }
        Files.writeString(dir.resolve(SPECIAL_TOKENS_MAP), gson.toJson(special) + "\n", StandardCharsets.UTF_8);
    }

    private static boolean isCanonicalLong(String v) {
        try {
            return Long.toString(Long.parseLong(v)).equals(v);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
