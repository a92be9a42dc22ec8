package org.bertgeometry.benchmarks.capture;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bertgeometry.benchmarks.RandomAttentionMaps;
import org.bertgeometry.capture.ExactSums;
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
 * What the exact (order-independent) class-mean sums cost over plain double sums (docs/capture.md,
 * "Merging"; docs/performance.md): adding one head's 427 × 427 attention map (a spike's real tokens)
 * to a running sum, as {@code ClassMeanAttentionSink} does per (sample, layer, head). The double sum
 * in the same JVM is the baseline; the ratio is the number to read. Seeded softmax rows. Run by hand,
 * never by the test command.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class ClassMeanSumBenchmark {

    private static final int SEQ = 427;

    private float[] map;
    private double[] doubleSum;
    private ExactSums exactSum;

    @Setup
    public void setUp() {
        Random r = new Random(3);
        double[][] rows = RandomAttentionMaps.softmaxOfGaussian(SEQ, r);
        map = new float[SEQ * SEQ];
        for (int i = 0; i < SEQ; i++) {
            for (int j = 0; j < SEQ; j++) {
                map[i * SEQ + j] = (float) rows[i][j];
            }
        }
        doubleSum = new double[SEQ * SEQ];
        exactSum = new ExactSums(SEQ * SEQ);
    }

    @Benchmark
    public double baselineDoubleSum() {
        for (int i = 0; i < map.length; i++) {
            doubleSum[i] += map[i];
        }
        return doubleSum[7];
    }

    @Benchmark
    public double exactSum() {
        for (int i = 0; i < map.length; i++) {
            exactSum.add(i, map[i]);
        }
        return exactSum.get(7);
    }
}
