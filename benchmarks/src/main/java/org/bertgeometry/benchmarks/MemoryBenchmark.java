package org.bertgeometry.benchmarks;

import java.util.concurrent.TimeUnit;
import org.bertgeometry.capture.CaptureSpec;
import org.bertgeometry.model.BatchInput;
import org.bertgeometry.model.BertConfig;
import org.bertgeometry.model.BertModel;
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
 * Peak memory of BERT-Base-sized inference (random weights) over 1 and over many batches, each count
 * in a fresh JVM: one single-shot run of {@code batches} forward passes, measured by
 * {@link PeakMemoryProfiler} (the process's peak resident set and the Java heap's committed size).
 * Memory that stays flat from 1 to 50 batches means nothing accumulates per batch. {@link RatioMain}
 * runs it with the profiler; see docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MemoryBenchmark {

    /** Batch size x sequence length, no padding. */
    @Param({"8x512"})
    public String shape;

    /** Number of forward passes in the measured shot. */
    @Param({"1", "50"})
    public int batches;

    /** PyTorch intra-op threads. */
    @Param({"2"})
    public int threads;

    private BertModel model;
    private BatchInput input;

    @Setup(Level.Trial)
    public void setUp() {
        BertConfig config = BertConfig.defaults();
        model = BertModel.random(config, 1, false);
        model.setThreads(threads);
        input = BertBaseBenchmark.randomInput(config, shape, 11);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        model.close();
    }

    @Benchmark
    public Object run() {
        Object last = null;
        for (int i = 0; i < batches; i++) {
            last = model.forward(input, CaptureSpec.none(), false).lastHidden();
        }
        return last;
    }
}
