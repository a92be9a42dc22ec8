package org.bertgeometry.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bertgeometry.capture.CaptureSink;
import org.bertgeometry.capture.CaptureSpec;
import org.bertgeometry.capture.CapturedTensor;
import org.bertgeometry.capture.HookNames;

/**
 * A post-LayerNorm BERT encoder with its optional heads (pooler, sequence classifier, masked-LM head),
 * computing exactly what Hugging Face's {@code BertModel} / {@code BertForSequenceClassification} /
 * {@code BertForMaskedLM} compute, on DJL's PyTorch engine, with named capture points
 * ({@link HookNames}).
 *
 * <p>Weights live in native memory owned by this object until {@link #close()}. Each forward pass
 * works in its own sub-manager that is closed before the call returns, so nothing native accumulates
 * across batches; only {@link #forwardTensors} leaves arrays behind, attached to the caller's manager.
 * Inputs are validated in Java (ids, token types, length, labels, capture selection) before native code
 * runs. Not designed for concurrent forward calls on one instance.
 *
 * <p>Threads: {@link #setThreads} fixes PyTorch's intra-op thread count for this model's calls (it is
 * applied to the calling thread, which is how libtorch keeps it); without it the engine's default
 * applies ({@code ai.djl.pytorch.num_threads}, else every core).
 *
 * <p>Memory: each layer runs in its own native sub-scope that is closed as soon as the next layer has
 * its input, captures are copied to Java arrays as they are made, and passes with host outputs record
 * no autograd graph, so native memory holds about one layer's intermediates, whatever the depth.
 */
public final class BertModel implements AutoCloseable {

    private static final String ENGINE = "PyTorch";

    private final BertConfig config;
    private final NDManager manager;
    private final Map<String, NDArray> params;
    private final Embeddings embeddings;
    private final List<EncoderLayer> layers;
    private final boolean hasPooler;
    private final boolean hasClassifier;
    private final boolean hasMlmHead;
    /** Tensors the forward pass does not use (e.g. the next-sentence head), returned by toWeights unchanged. */
    private final Map<String, HostTensor> extras;
    /** Intra-op threads for this model's forward calls; 0 leaves the calling thread's count alone. */
    private volatile int threads;
    /** Whether inference passes may use {@link FusedAttention}; see {@link #setFusedAttention}. */
    private volatile boolean fusedAttention = true;

    private BertModel(BertConfig config, BertWeights weights) {
        this.config = config;
        weights.validateAgainst(config);
        boolean mlm = weights.has(TaskHeads.MLM_DENSE + TensorSpec.WEIGHT);
        Map<String, HostTensor> keep = selectTensors(config, weights, mlm);
        Map<String, HostTensor> rest = new LinkedHashMap<>();
        for (String name : weights.names()) {
            // the tied decoder weight is the word embedding table; cls.predictions.decoder.bias is its bias
            boolean tied = name.equals(TaskHeads.MLM_DECODER) || mlm && name.equals(TaskHeads.MLM_DECODER_BIAS);
            if (!keep.containsKey(name) && !tied) {
                rest.put(name, weights.get(name));
            }
        }
        this.extras = Collections.unmodifiableMap(rest);
        this.hasPooler = keep.containsKey(TaskHeads.POOLER + TensorSpec.WEIGHT);
        this.hasClassifier = keep.containsKey(TaskHeads.CLASSIFIER + TensorSpec.WEIGHT);
        this.hasMlmHead = mlm;
        if (hasClassifier && !hasPooler) {
            throw new IllegalArgumentException("weights have a classifier but no pooler (pooler.dense.*); "
                    + "the classifier reads the pooled output");
        }
        this.manager = NDManager.newBaseManager(ENGINE);
        Map<String, NDArray> p = new LinkedHashMap<>();
        List<FusedQkv> qkv = new ArrayList<>();
        try {
            Map<String, NDArray> views = new LinkedHashMap<>();
            for (int l = 0; l < config.numHiddenLayers(); l++) {
                FusedQkv f = FusedQkv.create(manager, keep, l, config.hiddenSize());
                qkv.add(f);
                views.putAll(f.views());
            }
            for (Map.Entry<String, HostTensor> e : keep.entrySet()) {
                HostTensor t = e.getValue();
                NDArray a = views.containsKey(e.getKey()) ? views.get(e.getKey())
                        : manager.create(FloatBuffer.wrap(t.data()), new Shape(toLong(t.shape())), DataType.FLOAT32);
                a.setName(e.getKey());
                p.put(e.getKey(), a);
            }
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        this.params = Collections.unmodifiableMap(p);
        this.embeddings = new Embeddings(params, config);
        FusedAttention fused;
        try {
            fused = new FusedAttention(manager);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        List<EncoderLayer> ls = new ArrayList<>();
        for (int l = 0; l < config.numHiddenLayers(); l++) {
            ls.add(new EncoderLayer(params, qkv.get(l).fused(), fused, l, config));
        }
        this.layers = List.copyOf(ls);
    }

    /**
     * A model with {@code weights} (Hugging Face names and layouts, see {@link BertWeights}). The
     * pooler, classifier and masked-LM head are used when their tensors are present.
     *
     * @throws IllegalArgumentException naming the first missing or mis-shaped tensor
     */
    public static BertModel load(BertConfig config, BertWeights weights) {
        return new BertModel(config, weights);
    }

    /**
     * A freshly initialised model ({@link BertInit#random}): pooler, a classifier when {@code config}
     * has labels, and a masked-LM head when {@code withMlmHead}.
     */
    public static BertModel random(BertConfig config, long seed, boolean withMlmHead) {
        return new BertModel(config, BertInit.random(config, seed, withMlmHead));
    }

    public BertConfig config() {
        return config;
    }

    /**
     * PyTorch intra-op threads for this model's forward calls, applied to the calling thread at the
     * start of each call (libtorch keeps the count per thread; see docs/performance.md, "Threads").
     * Until set, calls use whatever the calling thread has (the engine's default: every core, or
     * {@code ai.djl.pytorch.num_threads}).
     *
     * @throws IllegalArgumentException when {@code n < 1}
     */
    public void setThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("the thread count must be at least 1, got " + n);
        }
        this.threads = n;
    }

    /**
     * Whether inference passes compute attention with PyTorch's fused scaled-dot-product attention in
     * the layers whose scores and probabilities are not captured (default true; a pass at 8 × 128 tokens
     * takes 3–8 % less time, docs/performance.md), or step by step everywhere, as training and captured layers
     * always do. The two agree to float rounding, not bit for bit; false reproduces the rounding of the
     * step-by-step path (Hugging Face's "eager" attention) in every layer.
     */
    public void setFusedAttention(boolean on) {
        this.fusedAttention = on;
    }

    /** The thread count set by {@link #setThreads}, or 0 when none was set. */
    public int threads() {
        return threads;
    }

    public boolean hasPooler() {
        return hasPooler;
    }

    public boolean hasClassifier() {
        return hasClassifier;
    }

    public boolean hasMlmHead() {
        return hasMlmHead;
    }

    /**
     * The trainable parameters by Hugging Face name, in a stable order. These are the live arrays the
     * forward pass uses: a trainer may call {@code setRequiresGradient(true)} on them, read their
     * gradients inside a {@code GradientCollector} and update them in place. The masked-LM decoder is
     * tied to {@code embeddings.word_embeddings.weight} and has no entry of its own.
     */
    public Map<String, NDArray> parameters() {
        return params;
    }

    /**
     * A copy of the current parameter values, e.g. for saving as safetensors, followed by the tensors
     * of the loaded weights that the forward pass does not use (such as {@code cls.seq_relationship.*}
     * or {@code embeddings.position_ids}), unchanged. The tied decoder weight is not repeated.
     */
    public BertWeights toWeights() {
        Map<String, HostTensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            long[] s = e.getValue().getShape().getShape();
            int[] shape = new int[s.length];
            for (int i = 0; i < s.length; i++) {
                shape[i] = (int) s[i];
            }
            out.put(e.getKey(), new HostTensor(shape, e.getValue().toFloatArray()));
        }
        extras.forEach(out::putIfAbsent);
        return new BertWeights(out);
    }

    /**
     * One forward pass returning host arrays, with the captures {@code spec} asks for collected per
     * sample. {@code training} turns on dropout (hidden and attention probabilities).
     */
    public ForwardResult forward(BatchInput in, CaptureSpec spec, boolean training) {
        List<Map<String, CapturedTensor>> perSample = new ArrayList<>();
        for (int b = 0; b < in.batchSize(); b++) {
            perSample.add(new LinkedHashMap<>());
        }
        ForwardResult r = run(in, spec, CaptureSink.collecting(spec, perSample), training);
        List<Map<String, CapturedTensor>> frozen = new ArrayList<>();
        for (Map<String, CapturedTensor> m : perSample) {
            frozen.add(Collections.unmodifiableMap(m));
        }
        return new ForwardResult(r.lastHidden(), r.pooled(), r.logits(), List.copyOf(frozen));
    }

    /**
     * One forward pass that streams the captures {@code sink.requires()} asks for into {@code sink},
     * one hook point at a time; the result's capture list is empty.
     */
    public ForwardResult forward(BatchInput in, CaptureSink sink, boolean training) {
        return run(in, sink.requires(), sink, training);
    }

    /**
     * A forward pass for training: outputs stay native, attached to {@code scope}, with the autograd
     * graph intact when called inside a {@code GradientCollector}. The pass's own arrays (the input ids,
     * whose host buffers back native tensors that the embedding's backward reads, and what each layer
     * leaves) live in a sub-manager of {@code scope}, so they are freed when the caller closes the scope
     * after backward, never before it.
     */
    public TensorOutputs forwardTensors(NDManager scope, BatchInput in, boolean training) {
        validate(in, CaptureSpec.none());
        NDManager work = scope.newSubManager();
        try (EngineCall call = EngineCall.training(threads)) {
            return compute(work, in, training, new Recorder(CaptureSpec.none(), config.numAttentionHeads(), in));
        } catch (RuntimeException | Error e) {
            work.close();
            throw e;
        }
    }

    /**
     * Masked-LM logits at chosen positions, for fill-mask: {@code [B][positions[b].length][vocab]}.
     *
     * @param positions per sequence, the positions (e.g. of [MASK]) to score; each must be a real token
     */
    public float[][][] mlmLogits(BatchInput in, int[][] positions) {
        if (!hasMlmHead) {
            throw new IllegalStateException("this model has no masked-LM head (cls.predictions.*)");
        }
        validate(in, CaptureSpec.none());
        if (positions.length != in.batchSize()) {
            throw new IllegalArgumentException("got positions for " + positions.length + " sequences, batch has "
                    + in.batchSize());
        }
        int t = in.length();
        List<Long> flat = new ArrayList<>();
        for (int b = 0; b < positions.length; b++) {
            for (int p : positions[b]) {
                if (p < 0 || p >= in.validLength(b)) {
                    throw new IllegalArgumentException("position " + p + " of sequence " + b
                            + " is not a real token (valid length " + in.validLength(b) + ")");
                }
                flat.add((long) b * t + p);
            }
        }
        float[][][] out = new float[positions.length][][];
        if (flat.isEmpty()) {
            for (int b = 0; b < out.length; b++) {
                out[b] = new float[0][];
            }
            return out;
        }
        try (NDManager work = manager.newSubManager(); EngineCall call = EngineCall.inference(threads)) {
            TensorOutputs o = compute(work, in, false, new Recorder(CaptureSpec.none(), config.numAttentionHeads(), in));
            NDArray rows = o.lastHidden().reshape(-1, config.hiddenSize())            // (B*T, H)
                    .get(work.create(flat.stream().mapToLong(Long::longValue).toArray())); // (N, H)
            NDArray logits = TaskHeads.maskedLm(params, rows, embeddings.wordTable(), config); // (N, vocab)
            float[] all = logits.toFloatArray();
            int v = config.vocabSize();
            int k = 0;
            for (int b = 0; b < positions.length; b++) {
                out[b] = new float[positions[b].length][v];
                for (int j = 0; j < positions[b].length; j++, k++) {
                    System.arraycopy(all, k * v, out[b][j], 0, v);
                }
            }
        }
        return out;
    }

    /** Frees the native weights. */
    @Override
    public void close() {
        manager.close();
    }

    /** Test hook: layer {@code layer}'s probabilities {@code (B, heads, T, T)} flattened, padding included. */
    float[] uncroppedProbs(BatchInput in, int layer) {
        validate(in, CaptureSpec.none());
        try (NDManager work = manager.newSubManager(); EngineCall call = EngineCall.inference(threads)) {
            Recorder rec = Recorder.uncropped(CaptureSpec.of(HookNames.attentionProbs(layer)),
                    config.numAttentionHeads(), in);
            compute(work, in, false, rec);
            return rec.raw(0);
        }
    }

    /** Number of native arrays currently held by this model's manager and its sub-managers. */
    int nativeArrayCount() {
        return manager.getManagedArrays().size();
    }

    static int[] argmax(float[][] rows) {
        int[] out = new int[rows.length];
        for (int b = 0; b < rows.length; b++) {
            out[b] = Logits.argmax(rows[b]);
        }
        return out;
    }

    private ForwardResult run(BatchInput in, CaptureSpec spec, CaptureSink sink, boolean training) {
        validate(in, spec);
        // outputs leave as Java arrays, so no gradient can ever flow back: record no autograd graph
        try (NDManager work = manager.newSubManager(); EngineCall call = EngineCall.inference(threads)) {
            Recorder rec = new Recorder(spec, config.numAttentionHeads(), in);
            TensorOutputs o = compute(work, in, training, rec);
            float[][][] hidden = to3d(o.lastHidden());
            float[][] pooled = o.pooled() == null ? null : to2d(o.pooled());
            float[][] logits = o.logits() == null ? null : to2d(o.logits());
            int[] predicted = new int[in.batchSize()];
            if (logits == null) {
                Arrays.fill(predicted, -1);
            } else {
                predicted = argmax(logits);
            }
            // always deliver, so that sinks see sampleDone for every sample even when nothing matched
            rec.deliver(in, predicted, sink);
            return new ForwardResult(hidden, pooled, logits, List.of());
        }
    }

    private void validate(BatchInput in, CaptureSpec spec) {
        in.validateFor(config);
        spec.validateFor(config.numHiddenLayers(), config.numAttentionHeads());
        if (spec.wants(HookNames.POOLED) && !hasPooler) {
            throw new IllegalArgumentException("capture asks for 'pooled' but the model has no pooler");
        }
    }

    /**
     * The whole network on {@code work}. Each layer runs in its own sub-manager that is closed once the
     * next layer has its input, and the previous layer's output is closed too, so native memory holds
     * about one layer's intermediates at a time (captures are copied to the host as they are made).
     */
    private TensorOutputs compute(NDManager work, BatchInput in, boolean training, Recorder rec) {
        int b = in.batchSize();
        int t = in.length();
        long[] ids = new long[b * t];
        long[] types = new long[b * t];
        float[] maskBias = new float[b * t];
        boolean padded = false;
        for (int r = 0; r < b; r++) {
            for (int i = 0; i < t; i++) {
                ids[r * t + i] = in.inputIds()[r][i];
                types[r * t + i] = in.tokenTypeIds()[r][i];
                // Hugging Face: (1 - mask) * finfo(float32).min; a padded key's probability underflows to 0
                maskBias[r * t + i] = in.attentionMask()[r][i] == 1 ? 0f : -Float.MAX_VALUE;
                padded |= in.attentionMask()[r][i] == 0;
            }
        }
        NDArray idsNd = work.create(ids, new Shape(b, t));                             // (B, T)
        NDArray typesNd = work.create(types, new Shape(b, t));                         // (B, T)
        // without padding the mask adds 0 everywhere, which changes no value: skip it
        NDArray mask = padded ? work.create(maskBias, new Shape(b, 1, 1, t)) : null;  // (B, 1, 1, T)
        // autograd must reach the named query/key/value parameters; otherwise one fused projection
        boolean autograd = GradMode.isOn();
        // the fused attention keeps no probabilities to drop out of, and its gradient is not ours to vouch for
        boolean fuse = fusedAttention && !training && !autograd;
        NDArray x = embeddings.forward(work, idsNd, typesNd, training);                   // (B, T, H)
        rec.record(HookNames.EMBEDDINGS_OUTPUT, x);
        for (EncoderLayer layer : layers) {
            NDArray y;
            try (NDManager scope = work.newSubManager()) {
                scope.tempAttachAll(x);                  // the layer's intermediates land in scope
                y = layer.forward(x, mask, training, autograd, fuse, rec);             // (B, T, H)
                y.attach(work);
            }
            x.close();
            x = y;
        }
        if (rec.wants(HookNames.CLS)) {
            rec.record(HookNames.CLS, x.get(":, 0, :"));       // (B, H)
        }
        NDArray pooled = hasPooler ? TaskHeads.pool(params, x) : null;                     // (B, H)
        if (pooled != null) {
            rec.record(HookNames.POOLED, pooled);
        }
        NDArray logits = hasClassifier ? TaskHeads.classify(params, pooled, config, training) : null; // (B, labels)
        return new TensorOutputs(x, pooled, logits);
    }

    private static Map<String, HostTensor> selectTensors(BertConfig config, BertWeights w, boolean mlm) {
        Map<String, HostTensor> keep = new LinkedHashMap<>();
        for (String name : w.names()) {
            boolean encoder = name.startsWith("embeddings.") && !name.equals("embeddings.position_ids")
                    || name.startsWith("encoder.layer.") || name.startsWith("pooler.")
                    || name.startsWith("classifier.");
            if (encoder) {
                keep.put(name, w.get(name));
            }
        }
        if (keep.containsKey(TaskHeads.CLASSIFIER + TensorSpec.WEIGHT) && config.numLabels() == 0) {
            throw new IllegalArgumentException("weights have a classifier but the config has no labels (id2label)");
        }
        if (mlm) {
            for (TensorSpec s : TaskHeads.maskedLmParameters(config)) {
                boolean fromDecoder = s.name().equals(TaskHeads.MLM_BIAS) && !w.has(TaskHeads.MLM_BIAS);
                keep.put(s.name(), w.require(fromDecoder ? TaskHeads.MLM_DECODER_BIAS : s.name(), s.shape()));
            }
            HostTensor decoder = w.get(TaskHeads.MLM_DECODER);
            if (decoder != null && !decoder.equals(w.get(Embeddings.WORD))) {
                throw new IllegalArgumentException(TaskHeads.MLM_DECODER + " differs from " + Embeddings.WORD
                        + "; only the tied masked-LM decoder is supported");
            }
        }
        return keep;
    }

    private static long[] toLong(int[] s) {
        long[] out = new long[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i];
        }
        return out;
    }

    private static float[][][] to3d(NDArray a) {
        long[] s = a.getShape().getShape();
        float[] d = a.toFloatArray();
        float[][][] out = new float[(int) s[0]][(int) s[1]][(int) s[2]];
        int k = 0;
        for (float[][] m : out) {
            for (float[] row : m) {
                System.arraycopy(d, k, row, 0, row.length);
                k += row.length;
            }
        }
        return out;
    }

    private static float[][] to2d(NDArray a) {
        long[] s = a.getShape().getShape();
        float[] d = a.toFloatArray();
        float[][] out = new float[(int) s[0]][(int) s[1]];
        for (int i = 0; i < out.length; i++) {
            System.arraycopy(d, i * out[i].length, out[i], 0, out[i].length);
        }
        return out;
    }
}
