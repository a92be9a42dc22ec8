package org.bertgeometry.benchmarks;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link ForwardBenchmark} (JMH command-line options such as {@code -wi 1 -i 3 -f 1} are passed
 * through) and prints, per batch shape, our time divided by ONNX Runtime's, from results measured in
 * the same run. A ratio above 1 means we are slower.
 */
public final class RatioMain {

    private RatioMain() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Options cli = new CommandLineOptions(args);
        Options opts = new OptionsBuilder().parent(cli).include(ForwardBenchmark.class.getSimpleName()).build();
        Collection<RunResult> results = new Runner(opts).run();
        Map<String, Map<String, Double>> byShape = new LinkedHashMap<>();
        for (RunResult r : results) {
            String shape = r.getParams().getParam("shape");
            String engine = r.getParams().getParam("engine");
            byShape.computeIfAbsent(shape, k -> new LinkedHashMap<>()).put(engine, r.getPrimaryResult().getScore());
        }
        System.out.println();
        System.out.println("shape    ort ms/op  ours ms/op  ours+capture ms/op  ours/ort  ours+capture/ort");
        for (Map.Entry<String, Map<String, Double>> e : byShape.entrySet()) {
            Map<String, Double> m = e.getValue();
            double ort = m.getOrDefault("ort", Double.NaN);
            double ours = m.getOrDefault("ours", Double.NaN);
            double cap = m.getOrDefault("ours+capture", Double.NaN);
            System.out.println(String.format(Locale.ROOT, "%-8s %9.2f  %10.2f  %18.2f  %8.2f  %16.2f",
                    e.getKey(), ort, ours, cap, ours / ort, cap / ort));
        }
    }
}
