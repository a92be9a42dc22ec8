package org.bertgeometry.benchmarks.geometry;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bertgeometry.benchmarks.RandomAttentionMaps;
import org.bertgeometry.geometry.AttentionFlow;
import org.bertgeometry.geometry.AttentionRollout;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of attention flow at the case study's real size (docs/performance.md, "Attention flow"): the
 * flow from output position 0 ([CLS]) to all 427 input positions through 12 layers of 12 heads
 * (427 max-flow problems on a graph of about 1.8 million edges each), next to attention rollout of
 * the same input measured in the same JVM as the baseline. The maps are seeded random softmax rows
 * (each row exp(2 g) normalised, g standard normal), so the numbers are reproducible. Run by hand,
 * never by the test command.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 1)
@Measurement(iterations = 2)
public class AttentionFlowBenchmark {

    private static final int LAYERS = 12;
    private static final int HEADS = 12;
    private static final int SEQ = 427;

    private List<List<double[][]>> layers;

    @Setup
    public void setUp() {
        Random r = new Random(42);
        layers = new ArrayList<>();
        for (int l = 0; l < LAYERS; l++) {
            List<double[][]> heads = new ArrayList<>();
            for (int h = 0; h < HEADS; h++) {
                heads.add(RandomAttentionMaps.softmaxOfGaussian(SEQ, r));
            }
            layers.add(heads);
        }
    }

    /** Baseline: attention rollout through the 12 layers (heads averaged, 11 products of 427^3). */
    @Benchmark
    public double[][] baselineRollout() {
        return AttentionRollout.rollout(layers);
    }

    /** Attention flow from position 0 to every input position, one thread. */
    @Benchmark
    public double[] flowFromPosition0() {
        return AttentionFlow.fromOutput(layers, 0);
    }

    /** The same with the input positions spread over the common fork-join pool. */
    @Benchmark
    public double[] flowFromPosition0Parallel() {
        return AttentionFlow.fromOutput(layers, 0, AttentionFlow.Scale.RAW, true);
    }
}
