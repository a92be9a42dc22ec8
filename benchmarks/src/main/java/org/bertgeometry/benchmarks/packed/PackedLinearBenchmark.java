package org.bertgeometry.benchmarks.packed;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * The 24 linear projections of one all-MiniLM-L6-v2 forward pass (six layers of a fused
 * query/key/value product 384 → 1152, the attention output 384 → 384 and the feed-forward pair
 * 384 → 1536 → 384, each layer with its own random weights, as in our inference pass) at a given
 * number of rows, by three kernels: {@code plain}, DJL's {@code Linear.linear} (PyTorch's addmm, which
 * hands MKL's sgemm the unpacked weight on every call: what our engine runs); {@code mkl-packed},
 * MKL's packed sgemm over weights packed once for this row count; {@code onednn-packed}, a oneDNN
 * inner product over weights reordered once. The packed kernels are reached through a TorchScript
 * module ({@link PackedKernels}). Set-up checks that each kernel reproduces {@code plain} within 1e-4
 * of the largest output (float rounding of a different summation order). {@code RatioMain packed}
 * prints each kernel's time over {@code plain}'s from the same run. This answers one question of
 * issue 11: would weights packed once close our gap to ONNX Runtime at one short sentence?
 * (docs/performance.md, "Prepacked weights").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PackedLinearBenchmark {

    /** Rows of the input (batch x tokens): 32 for 1x32, 1024 for 8x128. */
    @Param({"32", "1024"})
    public int rows;

    /** {@code plain}, {@code mkl-packed} or {@code onednn-packed}. */
    @Param({"plain", "mkl-packed", "onednn-packed"})
    public String kernel;

    /** PyTorch intra-op threads. */
    @Param({"1"})
    public int threads;

    /** Hidden size of all-MiniLM-L6-v2. */
    static final int HIDDEN = 384;
    /** Feed-forward size of all-MiniLM-L6-v2. */
    static final int INTERMEDIATE = 1536;
    /** Layers of all-MiniLM-L6-v2. */
    static final int LAYERS = 6;

    private PtNDManager manager;
    private PtSymbolBlock module;
    private final List<NDArray> weights = new ArrayList<>();
    private final List<NDArray> biases = new ArrayList<>();
    private final List<NDArray> packed = new ArrayList<>();
    private NDArray hiddenInput;
    private NDArray intermediateInput;

    @Setup(Level.Trial)
    public void setUp() {
        manager = (PtNDManager) NDManager.newBaseManager("PyTorch");
        EngineThreads.useOnCallingThread(threads);
        JniUtils.setGradMode(false);
        module = PackedKernels.load(manager);
        int[][] outIn = {{3 * HIDDEN, HIDDEN}, {HIDDEN, HIDDEN}, {INTERMEDIATE, HIDDEN}, {HIDDEN, INTERMEDIATE}};
        manager.getEngine().setRandomSeed(11);
        for (int layer = 0; layer < LAYERS; layer++) {
            for (int[] s : outIn) {
                NDArray w = manager.randomNormal(0, 0.05f, new Shape(s[0], s[1]), DataType.FLOAT32);
                weights.add(w);
                biases.add(manager.randomNormal(0, 0.05f, new Shape(s[0]), DataType.FLOAT32));
                if (!kernel.equals("plain")) {
                    packed.add(call(kernel.equals("mkl-packed") ? "mkl_pack" : "onednn_pack",
                            IValue.from((PtNDArray) w), IValue.from((long) rows)));
                }
            }
        }
        hiddenInput = manager.randomNormal(new Shape(rows, HIDDEN));
        intermediateInput = manager.randomNormal(new Shape(rows, INTERMEDIATE));
        checkAgainstPlain();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        manager.close();
    }

    @Benchmark
    public long projections() {
        EngineThreads.useOnCallingThread(threads);
        long sink = 0;
        try (NDManager scope = manager.newSubManager()) {
            for (int i = 0; i < weights.size(); i++) {
                NDArray out = project(i);
                out.attach(scope);
                sink += out.getShape().get(1);
            }
        }
        return sink;
    }

    /** Projection {@code i} (layer i / 4, projection i % 4) by this trial's kernel. */
    private NDArray project(int i) {
        NDArray x = i % 4 == 3 ? intermediateInput : hiddenInput;
        switch (kernel) {
            case "plain":
                return Linear.linear(x, weights.get(i), biases.get(i)).singletonOrThrow();
            case "mkl-packed":
                return call("mkl_linear", IValue.from((PtNDArray) x), IValue.from((PtNDArray) packed.get(i)),
                        IValue.from((PtNDArray) weights.get(i)), IValue.from((PtNDArray) biases.get(i)),
                        IValue.from((long) rows));
            case "onednn-packed":
                return call("onednn_linear", IValue.from((PtNDArray) x), IValue.from((PtNDArray) packed.get(i)),
                        IValue.from((PtNDArray) biases.get(i)));
            default:
                throw new IllegalArgumentException("unknown kernel " + kernel + " (plain, mkl-packed, onednn-packed)");
        }
    }

    private NDArray call(String method, IValue... args) {
        try (IValue result = IValueUtils.runMethod(module, method, args)) {
            return result.toTensor(manager);
        } finally {
            for (IValue a : args) {
                a.close();
            }
        }
    }

    private void checkAgainstPlain() {
        for (int i = 0; i < 4; i++) {
            NDArray x = i % 4 == 3 ? intermediateInput : hiddenInput;
            try (NDManager scope = manager.newSubManager()) {
                NDArray expected = Linear.linear(x, weights.get(i), biases.get(i)).singletonOrThrow();
                NDArray got = project(i);
                expected.attach(scope);
                got.attach(scope);
                float scale = expected.abs().max().getFloat();
                float diff = expected.sub(got).abs().max().getFloat();
                if (!(diff <= 1e-4f * scale)) {
                    throw new IllegalStateException(kernel + " differs from plain by " + diff + " (largest output "
                            + scale + ") in projection " + i);
                }
            }
        }
    }
}
