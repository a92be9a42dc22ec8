package org.bertgeometry.benchmarks;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bertgeometry.capture.CaptureSpec;
import org.bertgeometry.checkpoint.BertCheckpoint;
import org.bertgeometry.checkpoint.onnx.OnnxBertImporter;
import org.bertgeometry.model.BatchInput;
import org.bertgeometry.model.BertModel;
import org.bertgeometry.model.ForwardResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Forward-pass time of our engine against ONNX Runtime on the same model (all-MiniLM-L6-v2, from the
 * langchain4j jar) and the same random token ids, at three batch shapes; our engine with and without
 * capturing every layer's and head's attention probabilities into Java arrays. {@link RatioMain} runs
 * it and prints ours/ORT ratios. Run by hand only; see docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ForwardBenchmark {

    /** Batch size x sequence length. */
    @Param({"1x32", "8x128", "32x128"})
    public String shape;

    /**
     * {@code ort}: ONNX Runtime; {@code ours}: our engine; {@code ours+capture}: plus all attention maps;
     * {@code ours-stepwise}: our engine with fused attention off ({@code BertModel.setFusedAttention}),
     * the arithmetic that a capturing pass runs, without the copies.
     */
    @Param({"ort", "ours", "ours+capture", "ours-stepwise"})
    public String engine;

    /**
     * Intra-op threads for both engines (PyTorch: {@code ai.djl.pytorch.num_threads}, set before the
     * engine starts in this fork; ORT: {@code setIntraOpNumThreads}). 1 by default because on a shared,
     * oversubscribed machine spinning thread pools make multi-threaded timings meaningless.
     */
    @Param({"1"})
    public int threads;

    private BertModel model;
    private OrtEnvironment env;
    private OrtSession session;
    private BatchInput input;
    private long[][] ids;
    private long[][] mask;
    private long[][] types;

    @Setup(Level.Trial)
    public void setUp() throws IOException, OrtException {
        String[] bt = shape.split("x");
        int b = Integer.parseInt(bt[0]);
        int t = Integer.parseInt(bt[1]);
        // real-looking batch: [CLS] random word pieces [SEP], no padding (the worst case for both engines)
        SplittableRandom rng = new SplittableRandom(7);
        int[][] intIds = new int[b][t];
        ids = new long[b][t];
        mask = new long[b][t];
        types = new long[b][t];
        for (int r = 0; r < b; r++) {
            for (int i = 0; i < t; i++) {
                intIds[r][i] = i == 0 ? 101 : i == t - 1 ? 102 : 1000 + rng.nextInt(29000);
                ids[r][i] = intIds[r][i];
                mask[r][i] = 1;
            }
        }
        input = new BatchInput(intIds, toInt(mask), new int[b][t], null);
        Path onnx = extractModel();
        if (engine.equals("ort")) {
            env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions so = new OrtSession.SessionOptions();
            so.setIntraOpNumThreads(threads);
            session = env.createSession(onnx.toString(), so);
        } else {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
            BertCheckpoint ckpt = OnnxBertImporter.read(onnx, List.of("[PAD]"));
            model = BertModel.load(ckpt.config(), ckpt.weights());
            model.setThreads(threads);
            model.setFusedAttention(!engine.equals("ours-stepwise"));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws OrtException {
        if (session != null) {
            session.close();
        }
        if (model != null) {
            model.close();
        }
    }

    @Benchmark
    public Object forward() throws OrtException {
        switch (engine) {
            case "ort":
                try (OnnxTensor a = OnnxTensor.createTensor(env, ids);
                        OnnxTensor m = OnnxTensor.createTensor(env, mask);
                        OnnxTensor y = OnnxTensor.createTensor(env, types);
                        OrtSession.Result r = session.run(Map.of("input_ids", a, "attention_mask", m, "token_type_ids", y))) {
                    return r.get(0).getValue();
                }
            case "ours":
            case "ours-stepwise": {
                ForwardResult r = model.forward(input, CaptureSpec.none(), false);
                return r.lastHidden();
            }
            case "ours+capture": {
                ForwardResult r = model.forward(input, CaptureSpec.attentionProbs(), false);
                return r.captures();
            }
            default:
                throw new IllegalArgumentException("unknown engine " + engine);
        }
    }

    private static int[][] toInt(long[][] a) {
        int[][] out = new int[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                out[i][j] = (int) a[i][j];
            }
        }
        return out;
    }

    /** The ONNX file from the langchain4j jar, copied once to the temporary directory. */
    private static Path extractModel() throws IOException {
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "bertgeo-bench", "all-minilm-l6-v2.onnx");
        if (!Files.exists(target)) {
            Files.createDirectories(target.getParent());
            try (InputStream in = ForwardBenchmark.class.getClassLoader().getResourceAsStream("all-minilm-l6-v2.onnx")) {
                if (in == null) {
                    throw new IOException("all-minilm-l6-v2.onnx not on the classpath");
                }
                Path tmp = Files.createTempFile(target.getParent(), "model", ".part");
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }
}
