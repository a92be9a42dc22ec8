package org.bertgeometry.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler (Linux) that reports, after each iteration, the benchmark JVM's peak resident set
 * ({@code VmHWM} of {@code /proc/self/status}: Java heap, JVM and native memory such as PyTorch's
 * tensors) and the Java heap's committed size; their difference bounds the native memory from above.
 * Use with forked runs so that the peak belongs to one benchmark: {@code -prof
 * org.bertgeometry.benchmarks.PeakMemoryProfiler}.
 */
public final class PeakMemoryProfiler implements InternalProfiler {

    /** Name of the peak-RSS secondary result. */
    public static final String PEAK_RSS = "peakRss";
    /** Name of the committed-heap secondary result. */
    public static final String HEAP = "heapCommitted";

    @Override
    public String getDescription() {
        return "peak resident set (VmHWM) and committed Java heap, in MB";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
            IterationParams iterationParams, IterationResult result) {
        double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() / 1048576.0;
        return List.of(new ScalarResult(PEAK_RSS, peakRssMb(), "MB", AggregationPolicy.MAX),
                new ScalarResult(HEAP, heap, "MB", AggregationPolicy.MAX));
    }

    /** {@code VmHWM} in MB, or NaN where {@code /proc} is not available. */
    static double peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
