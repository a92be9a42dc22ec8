package org.bertgeometry.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bertgeometry.benchmarks.packed.PackedLinearBenchmark;
import org.bertgeometry.model.BertConfig;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the forward-pass benchmarks and prints ratios from results measured in the same run, never
 * absolute times alone. Usage: {@code RatioMain [onnx] [bert-base] [memory] [packed] [JMH options]} (the
 * first three groups when none is named; options such as {@code -wi 1 -i 3 -f 1} are passed to JMH):
 * <ul>
 *   <li>{@code onnx}: {@link ForwardBenchmark}, ours/ONNX Runtime per batch shape, full attention
 *       capture / plain forward, and the fused attention's share (ours / ours-stepwise);</li>
 *   <li>{@code bert-base}: {@link BertBaseBenchmark} without forking, so that the forward pass and its
 *       sgemm baseline run in this JVM with the same thread count; prints the forward's rate as a
 *       fraction of the sgemm rate;</li>
 *   <li>{@code memory}: {@link MemoryBenchmark}, one fresh JVM per batch count, with
 *       {@link PeakMemoryProfiler}; prints peak resident set and committed heap;</li>
 *   <li>{@code packed}: {@link PackedLinearBenchmark}, the projections of one all-MiniLM-L6-v2 pass by
 *       prepacked-weight kernels over the time of the unpacked one we run.</li>
 * </ul>
 */
public final class RatioMain {

    private static final Set<String> GROUPS = Set.of("onnx", "bert-base", "memory", "packed");

    private RatioMain() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        List<String> groups = new ArrayList<>();
        int first = 0;
        while (first < args.length && GROUPS.contains(args[first])) {
            groups.add(args[first++]);
        }
        if (groups.isEmpty()) {
            groups.addAll(List.of("onnx", "bert-base", "memory"));
        }
        Options cli = new CommandLineOptions(Arrays.copyOfRange(args, first, args.length));
        List<String> report = new ArrayList<>();
        if (groups.contains("onnx")) {
            report.addAll(onnx(run(new OptionsBuilder().parent(cli).include(ForwardBenchmark.class.getSimpleName()))));
        }
        if (groups.contains("bert-base")) {
            report.addAll(bertBase(run(new OptionsBuilder().parent(cli)
                    .include(BertBaseBenchmark.class.getSimpleName()).forks(0))));
        }
        if (groups.contains("memory")) {
            report.addAll(memory(run(new OptionsBuilder().parent(cli)
                    .include(MemoryBenchmark.class.getSimpleName()).addProfiler(PeakMemoryProfiler.class)
                    .warmupIterations(0).measurementIterations(1))));
        }
        if (groups.contains("packed")) {
            report.addAll(packed(run(new OptionsBuilder().parent(cli)
                    .include(PackedLinearBenchmark.class.getSimpleName()))));
        }
        System.out.println();
        report.forEach(System.out::println);
    }

    private static Collection<RunResult> run(ChainedOptionsBuilder options) throws RunnerException {
        return new Runner(options.build()).run();
    }

    private static List<String> onnx(Collection<RunResult> results) {
        Map<String, Map<String, Double>> byShape = new LinkedHashMap<>();
        for (RunResult r : results) {
            String shape = r.getParams().getParam("shape");
            String engine = r.getParams().getParam("engine");
            byShape.computeIfAbsent(shape, k -> new LinkedHashMap<>()).put(engine, r.getPrimaryResult().getScore());
        }
        List<String> out = new ArrayList<>();
        out.add("shape    ort ms/op  ours ms/op  ours+capture ms/op  ours-stepwise ms/op  ours/ort  ours+capture/ort"
                + "  capture/plain  capture/stepwise  ours/stepwise");
        for (Map.Entry<String, Map<String, Double>> e : byShape.entrySet()) {
            Map<String, Double> m = e.getValue();
            double ort = m.getOrDefault("ort", Double.NaN);
            double ours = m.getOrDefault("ours", Double.NaN);
            double cap = m.getOrDefault("ours+capture", Double.NaN);
            double step = m.getOrDefault("ours-stepwise", Double.NaN);
            out.add(String.format(Locale.ROOT, "%-8s %9.2f  %10.2f  %18.2f  %19.2f  %8.2f  %16.2f  %13.2f  %16.2f  %13.2f",
                    e.getKey(), ort, ours, cap, step, ours / ort, cap / ort, cap / ours, cap / step, ours / step));
        }
        return out;
    }

    private static List<String> packed(Collection<RunResult> results) {
        Map<String, Map<String, Double>> byRows = new LinkedHashMap<>();
        for (RunResult r : results) {
            byRows.computeIfAbsent(r.getParams().getParam("rows"), k -> new LinkedHashMap<>())
                    .put(r.getParams().getParam("kernel"), r.getPrimaryResult().getScore());
        }
        List<String> out = new ArrayList<>();
        out.add("");
        out.add("rows  plain ms/op  mkl-packed ms/op  onednn-packed ms/op  mkl-packed/plain  onednn-packed/plain");
        for (Map.Entry<String, Map<String, Double>> e : byRows.entrySet()) {
            Map<String, Double> m = e.getValue();
            double plain = m.getOrDefault("plain", Double.NaN);
            double mkl = m.getOrDefault("mkl-packed", Double.NaN);
            double onednn = m.getOrDefault("onednn-packed", Double.NaN);
            out.add(String.format(Locale.ROOT, "%-5s %11.2f  %16.2f  %19.2f  %16.2f  %19.2f", e.getKey(), plain, mkl,
                    onednn, mkl / plain, onednn / plain));
        }
        return out;
    }

    private static List<String> bertBase(Collection<RunResult> results) {
        Map<String, Map<String, Double>> byThreads = new LinkedHashMap<>();
        Map<String, String> shapes = new LinkedHashMap<>();
        for (RunResult r : results) {
            String threads = r.getParams().getParam("threads");
            String method = r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
            byThreads.computeIfAbsent(threads, k -> new LinkedHashMap<>()).put(method, r.getPrimaryResult().getScore());
            shapes.put(threads, r.getParams().getParam("shape"));
        }
        List<String> out = new ArrayList<>();
        out.add("");
        out.add("BERT-Base  threads  sgemm 1024^3 ms  GFLOP/s  forward ms  GFLOP/s  ms per sentence  forward/sgemm rate");
        for (Map.Entry<String, Map<String, Double>> e : byThreads.entrySet()) {
            String[] bt = shapes.get(e.getKey()).split("x");
            int b = Integer.parseInt(bt[0]);
            double sgemm = e.getValue().getOrDefault("sgemm", Double.NaN);
            double forward = e.getValue().getOrDefault("forward", Double.NaN);
            double sgemmRate = BertBaseBenchmark.sgemmFlops() / sgemm / 1e6;
            double forwardRate = BertBaseBenchmark.forwardFlops(BertConfig.defaults(), b, Integer.parseInt(bt[1]))
                    / forward / 1e6;
            out.add(String.format(Locale.ROOT, "%-10s %7s  %15.1f  %7.1f  %10.1f  %7.1f  %15.1f  %18.2f",
                    shapes.get(e.getKey()), e.getKey(), sgemm, sgemmRate, forward, forwardRate, forward / b,
                    forwardRate / sgemmRate));
        }
        return out;
    }

    private static List<String> memory(Collection<RunResult> results) {
        List<String> out = new ArrayList<>();
        out.add("");
        out.add("memory     batches  threads  seconds  peak RSS MB  committed heap MB");
        for (RunResult r : results) {
            Map<String, Result> sec = r.getSecondaryResults();
            out.add(String.format(Locale.ROOT, "%-10s %7s  %7s  %7.1f  %11.0f  %17.0f", r.getParams().getParam("shape"),
                    r.getParams().getParam("batches"), r.getParams().getParam("threads"),
                    r.getPrimaryResult().getScore(), score(sec, PeakMemoryProfiler.PEAK_RSS),
                    score(sec, PeakMemoryProfiler.HEAP)));
        }
        return out;
    }

    private static double score(Map<String, Result> results, String name) {
        Result r = results.get(name);
        return r == null ? Double.NaN : r.getScore();
    }
}
