package org.bertgeometry.benchmarks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bertgeometry.capture.CaptureSpec;
import org.bertgeometry.model.BatchInput;
import org.bertgeometry.model.BertConfig;
import org.bertgeometry.model.BertModel;
import org.bertgeometry.model.EngineThreads;
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
 * A BERT-Base-sized model (Hugging Face's default config, random weights) on full-length batches, next
 * to its baseline: one 1024 × 1024 × 1024 float matrix product (sgemm) on the same engine with the
 * same thread count. {@link RatioMain} runs both in its own JVM and prints the forward pass's rate as
 * a fraction of the sgemm rate, counting the forward's matrix-product FLOPs ({@link #forwardFlops}).
 * Run by hand only; see docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BertBaseBenchmark {

    /** Side of the baseline's square matrices. */
    public static final int SGEMM_N = 1024;

    /** Batch size x sequence length, no padding. */
    @Param({"8x512"})
    public String shape;

    /** PyTorch intra-op threads for both the forward pass and the baseline. */
    @Param({"1", "2"})
    public int threads;

    private BertModel model;
    private BatchInput input;
    private NDManager manager;
    private NDArray a;
    private NDArray b;

    @Setup(Level.Trial)
    public void setUp() {
        BertConfig config = BertConfig.defaults();
        model = BertModel.random(config, 1, false);
        model.setThreads(threads);
        input = randomInput(config, shape, 7);
        manager = NDManager.newBaseManager("PyTorch");
        a = manager.randomNormal(new Shape(SGEMM_N, SGEMM_N));
        b = manager.randomNormal(new Shape(SGEMM_N, SGEMM_N));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        model.close();
        manager.close();
    }

    @Benchmark
    public Object sgemm() {
        EngineThreads.useOnCallingThread(threads);
        try (NDArray c = a.matMul(b)) {
            return c.getShape();
        }
    }

    @Benchmark
    public Object forward() {
        return model.forward(input, CaptureSpec.none(), false).lastHidden();
    }

    /**
     * Matrix-product FLOPs of one forward pass over {@code b × t} tokens (2 per multiply-add): per
     * layer and token the four {@code H×H} projections, the two feed-forward products and the two
     * attention products against all {@code t} keys. BERT-Base at 512 tokens: 96.6 GFLOP per sentence.
     */
    public static double forwardFlops(BertConfig c, int b, int t) {
        double h = c.hiddenSize();
        double perToken = 8 * h * h + 4 * h * c.intermediateSize() + 4.0 * t * h;
        return perToken * c.numHiddenLayers() * t * b;
    }

    /** FLOPs of the baseline product. */
    public static double sgemmFlops() {
        return 2.0 * SGEMM_N * SGEMM_N * SGEMM_N;
    }

    /** {@code [CLS]}, random word pieces, {@code [SEP]}, no padding; shape as {@code "BxT"}. */
    static BatchInput randomInput(BertConfig config, String shape, long seed) {
        String[] bt = shape.split("x");
        int b = Integer.parseInt(bt[0]);
        int t = Integer.parseInt(bt[1]);
        SplittableRandom rng = new SplittableRandom(seed);
        int[][] ids = new int[b][t];
        int[][] mask = new int[b][t];
        for (int r = 0; r < b; r++) {
            for (int i = 0; i < t; i++) {
                ids[r][i] = i == 0 ? 101 : i == t - 1 ? 102 : 1000 + rng.nextInt(config.vocabSize() - 1000);
                mask[r][i] = 1;
            }
        }
        return new BatchInput(ids, mask, new int[b][t], null);
    }
}
