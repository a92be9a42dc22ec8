package org.bertgeometry.checkpoint.onnx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.bertgeometry.checkpoint.BertCheckpoint;
import org.bertgeometry.checkpoint.ModelFormatException;
import org.bertgeometry.checkpoint.VocabularyFiles;
import org.bertgeometry.checkpoint.protobuf.MalformedProtobufException;
import org.bertgeometry.model.Activation;
import org.bertgeometry.model.BertConfig;
import org.bertgeometry.model.BertWeights;
import org.bertgeometry.model.HostTensor;

/**
 * Imports a BERT encoder exported to ONNX (for example by {@code torch.onnx.export} or Optimum) into
 * a {@link BertCheckpoint} with Hugging Face names and layouts. PyTorch exports keep the names of
 * biases and LayerNorm parameters but constant-fold each {@code Linear} weight's transpose into an
 * anonymous initializer ({@code onnx::MatMul_787}, stored {@code [in, out]}); we name those by walking
 * the graph: the {@code Add} that consumes the {@code MatMul} output reads the named bias, and the
 * node name keeps the module path. The config is inferred from tensor shapes and graph constants;
 * see docs/formats.md ("ONNX") for the rules.
 */
public final class OnnxBertImporter {

    /** Dimensions per head assumed when the graph reveals neither the head count nor the scale. */
    public static final int DEFAULT_HEAD_DIM = 64;
    /** LayerNorm epsilon assumed when no LayerNorm constant is found (Hugging Face's default). */
    public static final double DEFAULT_LAYER_NORM_EPS = 1e-12;

    private static final long MAX_ONNX_BYTES = Integer.MAX_VALUE;

    private OnnxBertImporter() {
    }

    /**
     * Imports {@code onnxFile}. When {@code vocabulary} is empty the vocabulary is looked for beside
     * the file: {@code <stem>-tokenizer.json}, {@code tokenizer.json}, then {@code vocab.txt};
     * {@code tokenizer_config.json} beside the file supplies the tokenizer settings.
     *
     * @param vocabulary token strings by id, or empty to look beside the file
     * @throws ModelFormatException if the file is not a BERT encoder we can map, naming the problem
     */
    public static BertCheckpoint read(Path onnxFile, List<String> vocabulary) throws ModelFormatException {
        OnnxGraph graph = parse(onnxFile);
        Map<String, HostTensor> tensors;
        BertConfig config;
        try {
            tensors = mapWeights(graph);
            config = inferConfig(graph, tensors);
        } catch (IllegalArgumentException | MalformedProtobufException e) {
            throw new ModelFormatException(onnxFile, e.getMessage(), e);
        }
        BertWeights weights = new BertWeights(tensors);
        try {
            weights.validateAgainst(config);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(onnxFile, "not a complete BERT encoder: " + e.getMessage(), e);
        }
        List<String> vocab = vocabulary;
        Map<String, String> tokenizerConfig = new LinkedHashMap<>();
        Path dir = onnxFile.toAbsolutePath().getParent();
        String stem = onnxFile.getFileName().toString().replaceFirst("\\.onnx$", "");
        Path tokJson = firstExisting(dir.resolve(stem + "-tokenizer.json"), dir.resolve("tokenizer.json"));
        if (vocab.isEmpty()) {
            Path vocabTxt = dir.resolve("vocab.txt");
            if (tokJson != null) {
                vocab = VocabularyFiles.readTokenizerJsonVocab(tokJson);
            } else if (Files.isRegularFile(vocabTxt)) {
                vocab = VocabularyFiles.readVocabTxt(vocabTxt);
            }
        }
        if (tokJson != null) {
            tokenizerConfig.putAll(VocabularyFiles.tokenizerJsonSettings(tokJson));
        }
        Path tokConfig = dir.resolve("tokenizer_config.json");
        if (Files.isRegularFile(tokConfig)) {
            tokenizerConfig.putAll(VocabularyFiles.readTokenizerConfig(tokConfig));
        }
        if (vocab.size() > config.vocabSize()) {
            throw new ModelFormatException(onnxFile, "the vocabulary has " + vocab.size()
                    + " tokens but the word embeddings only " + config.vocabSize() + " rows");
        }
        return new BertCheckpoint(config, weights, vocab, tokenizerConfig, onnxFile);
    }

    /** Parses the file's graph (memory-mapped; ONNX files are limited to 2 GB by protobuf). */
    public static OnnxGraph parse(Path onnxFile) throws ModelFormatException {
        try (FileChannel ch = FileChannel.open(onnxFile, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > MAX_ONNX_BYTES) {
                throw new ModelFormatException(onnxFile, "file is " + size
                        + " bytes; a single-file ONNX model is at most 2 GB");
            }
            if (size == 0) {
                throw new ModelFormatException(onnxFile, "file is empty");
            }
            ByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            return OnnxGraph.parse(map);
        } catch (MalformedProtobufException e) {
            throw new ModelFormatException(onnxFile, "not a well-formed ONNX (protobuf) file: "
                    + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(onnxFile, e.getMessage(), e);
        } catch (ModelFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFormatException(onnxFile, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Hugging Face name for an ONNX/HF tensor name: drops the {@code bert.} prefix of task models. */
    static String hfName(String name) {
        return name.startsWith("bert.") ? name.substring("bert.".length()) : name;
    }

    private static boolean isModelTensorName(String name) {
        return name.startsWith("embeddings.") || name.startsWith("encoder.") || name.startsWith("pooler.")
                || name.startsWith("classifier.") || name.startsWith("cls.");
    }

    static Map<String, HostTensor> mapWeights(OnnxGraph graph) {
        Map<String, HostTensor> out = new LinkedHashMap<>();
        Map<String, OnnxTensor> inits = graph.initializers();
        for (OnnxTensor t : inits.values()) {
            String n = hfName(t.name());
            if (isModelTensorName(n) && t.isFloating()) {
                out.put(n, t.toHostTensor());
            }
        }
        Map<String, OnnxNode> producers = graph.producers();
        Map<String, String> mappedFrom = new LinkedHashMap<>();
        for (OnnxNode node : graph.nodes()) {
            boolean matMul = node.opType().equals("MatMul");
            boolean gemm = node.opType().equals("Gemm");
            if (!matMul && !gemm) {
                continue;
            }
            String wName = node.input(1);
            HostTensor weightOutIn;
            OnnxTensor w = inits.get(wName);
            if (w != null && w.isFloating() && w.dims().length == 2) {
                HostTensor raw = w.toHostTensor();
                boolean alreadyOutIn = gemm && node.ints().getOrDefault("transB", 0L) == 1L;
                weightOutIn = alreadyOutIn ? raw : raw.transpose2d();
            } else {
                OnnxNode p = producers.get(wName);
                if (p == null || !p.opType().equals("Transpose") || !inits.containsKey(p.input(0))) {
                    continue; // an activation x activation product (attention scores), not a Linear
                }
                OnnxTensor src = inits.get(p.input(0));
                if (!src.isFloating() || src.dims().length != 2) {
                    continue;
                }
                // MatMul(x, Transpose(W)) with W stored [out, in]: W is already Hugging Face's layout
                weightOutIn = src.toHostTensor();
                if (gemm && node.ints().getOrDefault("transB", 0L) == 1L) {
                    weightOutIn = weightOutIn.transpose2d();
                }
            }
            String module = moduleOf(graph, node, inits);
            if (module == null) {
                throw new IllegalArgumentException("cannot tell which layer the weight '" + wName
                        + "' of node '" + node.name() + "' belongs to: no named bias and no module path");
            }
            String target = module + ".weight";
            String previous = mappedFrom.put(target, wName);
            if (previous != null) {
                throw new IllegalArgumentException("both '" + previous + "' and '" + wName + "' map to "
                        + target);
            }
            out.put(target, weightOutIn);
        }
        return out;
    }

    /**
     * The Hugging Face module path of a Linear's MatMul/Gemm node: from the named bias it adds
     * (Gemm's third input, or the Add consuming the MatMul output), else from the node name.
     */
    private static String moduleOf(OnnxGraph graph, OnnxNode node, Map<String, OnnxTensor> inits) {
        String fromBias = null;
        if (node.opType().equals("Gemm") && node.input(2).endsWith(".bias")) {
            fromBias = stripSuffix(hfName(node.input(2)), ".bias");
        } else {
            for (OnnxNode c : graph.consumers(node.output(0))) {
                if (!c.opType().equals("Add")) {
                    continue;
                }
                for (String in : c.inputs()) {
                    if (inits.containsKey(in) && in.endsWith(".bias")) {
                        fromBias = stripSuffix(hfName(in), ".bias");
                    }
                }
            }
        }
        if ("cls.predictions".equals(fromBias)) {
            // the MLM decoder adds cls.predictions.bias (Hugging Face ties decoder.bias to it)
            fromBias = "cls.predictions.decoder";
        }
        String fromName = moduleFromNodeName(node.name());
        if (fromBias != null && fromName != null && !fromBias.equals(fromName)) {
            throw new IllegalArgumentException("node '" + node.name() + "' names module " + fromName
                    + " but adds the bias of " + fromBias);
        }
        return fromBias != null ? fromBias : fromName;
    }

    /** {@code /encoder/layer.0/attention/self/query/MatMul} to {@code encoder.layer.0.attention.self.query}. */
    static String moduleFromNodeName(String nodeName) {
        if (!nodeName.startsWith("/")) {
            return null;
        }
        int slash = nodeName.lastIndexOf('/');
        if (slash <= 0) {
            return null;
        }
        String last = nodeName.substring(slash + 1);
        if (!last.startsWith("MatMul") && !last.startsWith("Gemm")) {
            return null;
        }
        String module = hfName(nodeName.substring(1, slash).replace('/', '.'));
        return isModelTensorName(module + ".") ? module : null;
    }

    private static String stripSuffix(String s, String suffix) {
        return s.substring(0, s.length() - suffix.length());
    }

    static BertConfig inferConfig(OnnxGraph graph, Map<String, HostTensor> tensors) {
        HostTensor word = tensors.get("embeddings.word_embeddings.weight");
        if (word == null || word.rank() != 2) {
            throw new IllegalArgumentException("no 2-D initializer embeddings.word_embeddings.weight;"
                    + " this does not look like a BERT encoder exported from Hugging Face");
        }
        int vocab = word.dim(0);
        int hidden = word.dim(1);
        int positions = dim0(tensors, "embeddings.position_embeddings.weight");
        int types = dim0(tensors, "embeddings.token_type_embeddings.weight");
        TreeSet<Integer> layers = new TreeSet<>();
        for (String n : tensors.keySet()) {
            if (n.startsWith("encoder.layer.")) {
                String rest = n.substring("encoder.layer.".length());
                int dot = rest.indexOf('.');
                try {
                    layers.add(Integer.parseInt(rest.substring(0, dot)));
                } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                    throw new IllegalArgumentException("unexpected tensor name " + n, e);
                }
            }
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("no encoder.layer.* tensors found");
        }
        int numLayers = layers.last() + 1;
        int intermediate = dim0(tensors, "encoder.layer.0.intermediate.dense.weight");
        int heads = headCount(graph, hidden);
        double eps = layerNormEps(graph).orElse(DEFAULT_LAYER_NORM_EPS);
        return new BertConfig(vocab, hidden, numLayers, heads, intermediate, activation(graph), positions,
                types, eps, 0.1, 0.1, List.of()).withDefaultLabels(tensors);
    }

    private static int dim0(Map<String, HostTensor> tensors, String name) {
        HostTensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("missing tensor '" + name + "'");
        }
        return t.dim(0);
    }

    /**
     * Number of heads: from the constant target shape of the query's Reshape to
     * {@code [B, T, heads, headDim]} when present, else from the attention scale
     * ({@code Div(scores, sqrt(headDim))} or {@code Mul(scores, 1/sqrt(headDim))}), else
     * {@link #DEFAULT_HEAD_DIM} dimensions per head.
     */
    static int headCount(OnnxGraph graph, int hidden) {
        Map<String, OnnxTensor> constants = constants(graph);
        Map<String, OnnxNode> producers = graph.producers();
        for (OnnxNode n : graph.nodes()) {
            if (!n.opType().equals("Reshape")) {
                continue;
            }
            OnnxNode src = producers.get(n.input(0));
            if (src == null || !src.opType().equals("Add") || src.inputs().stream()
                    .noneMatch(i -> hfName(i).equals("encoder.layer.0.attention.self.query.bias"))) {
                continue;
            }
            long[] shape = shapeConstant(n.input(1), constants, producers);
            if (shape != null && shape.length == 4 && shape[2] > 0 && shape[3] > 0
                    && shape[2] * shape[3] == hidden) {
                return (int) shape[2];
            }
        }
        for (OnnxNode n : graph.nodes()) {
            boolean div = n.opType().equals("Div");
            if (!div && !n.opType().equals("Mul")) {
                continue;
            }
            OnnxNode src = producers.get(n.input(0));
            if (src == null || !src.opType().equals("MatMul") || graph.initializers().containsKey(src.input(1))
                    || producers.get(src.input(1)) == null
                    || !producers.get(src.input(1)).opType().equals("Transpose")
                    && !producers.get(src.input(1)).opType().equals("Reshape")) {
                continue;
            }
            Optional<Double> c = scalar(n.input(1), constants);
            if (c.isEmpty() || !(c.get() > 0)) {
                continue;
            }
            double headDim = div ? c.get() * c.get() : 1.0 / (c.get() * c.get());
            long d = Math.round(headDim);
            if (d > 0 && Math.abs(headDim - d) < 1e-3 * d && hidden % d == 0) {
                return (int) (hidden / d);
            }
        }
        if (hidden % DEFAULT_HEAD_DIM != 0) {
            throw new IllegalArgumentException("cannot infer the number of heads: no Reshape or attention"
                    + " scale constant found, and hidden size " + hidden + " is not a multiple of "
                    + DEFAULT_HEAD_DIM);
        }
        return hidden / DEFAULT_HEAD_DIM;
    }

    private static long[] shapeConstant(String value, Map<String, OnnxTensor> constants,
                                        Map<String, OnnxNode> producers) {
        OnnxTensor t = constants.get(value);
        if (t != null) {
            return t.toLongs();
        }
        OnnxNode p = producers.get(value);
        if (p == null || !p.opType().equals("Concat")) {
            return null;
        }
        long[] out = new long[p.inputs().size()];
        for (int i = 0; i < out.length; i++) {
            OnnxTensor part = constants.get(p.input(i));
            OnnxNode pp = producers.get(p.input(i));
            if (part == null && pp != null && pp.opType().equals("Unsqueeze")) {
                part = constants.get(pp.input(0));
            }
            if (part != null && part.elementCount() == 1) {
                out[i] = part.toLongs()[0];
            } else {
                out[i] = -1; // a dynamic dimension (batch, sequence)
            }
        }
        return out;
    }

    /** LayerNorm epsilon: the scalar added to the variance before {@code Sqrt}, or an op attribute. */
    static Optional<Double> layerNormEps(OnnxGraph graph) {
        Map<String, OnnxTensor> constants = constants(graph);
        Map<String, OnnxNode> producers = graph.producers();
        for (OnnxNode n : graph.nodes()) {
            if (n.opType().equals("LayerNormalization") && n.floats().containsKey("epsilon")) {
                return Optional.of(Double.parseDouble(Float.toString(n.floats().get("epsilon"))));
            }
            if (!n.opType().equals("Sqrt")) {
                continue;
            }
            OnnxNode add = producers.get(n.input(0));
            if (add == null || !add.opType().equals("Add")) {
                continue;
            }
            OnnxNode variance = producers.get(add.input(0));
            if (variance == null || !variance.opType().equals("ReduceMean")) {
                continue;
            }
            Optional<Double> eps = scalar(add.input(1), constants);
            if (eps.isPresent()) {
                // the graph holds float32; report the shortest decimal that rounds to it (1e-12, not
                // 9.9999999600419720025e-13), which is what the exporting config said
                return Optional.of(Double.parseDouble(Float.toString(eps.get().floatValue())));
            }
        }
        return Optional.empty();
    }

    private static Activation activation(OnnxGraph graph) {
        boolean tanh = false;
        boolean relu = false;
        for (OnnxNode n : graph.nodes()) {
            switch (n.opType()) {
                case "Erf", "Gelu" -> {
                    return Activation.GELU;
                }
                case "FastGelu" -> tanh = true;
                case "Tanh" -> tanh = true;
                case "Relu" -> relu = true;
                default -> {
                }
            }
        }
        return tanh ? Activation.GELU_NEW : relu ? Activation.RELU : Activation.GELU;
    }

    /** Constant values by name: {@code Constant} node outputs and initializers. */
    private static Map<String, OnnxTensor> constants(OnnxGraph graph) {
        Map<String, OnnxTensor> out = new LinkedHashMap<>(graph.initializers());
        for (OnnxNode n : graph.nodes()) {
            if (n.opType().equals("Constant") && n.tensors().containsKey("value")) {
                out.put(n.output(0), n.tensors().get("value"));
            }
        }
        return out;
    }

    private static Optional<Double> scalar(String name, Map<String, OnnxTensor> constants) {
        OnnxTensor t = constants.get(name);
        if (t == null || t.elementCount() != 1 || !t.isFloating()) {
            return Optional.empty();
        }
        return Optional.of((double) t.toFloats()[0]);
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
