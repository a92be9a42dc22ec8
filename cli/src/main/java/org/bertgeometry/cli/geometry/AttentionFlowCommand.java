package org.bertgeometry.cli.geometry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bertgeometry.cli.io.CsvOutput;
import org.bertgeometry.cli.io.LongRunningCommand;
import org.bertgeometry.cli.io.ProgressBar;
import org.bertgeometry.geometry.AttentionFlow;
import org.bertgeometry.geometry.AttentionRollout;
import org.bertgeometry.report.table.CsvWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bertgeo attention-flow}: attention rollout and attention flow after Abnar and Zuidema 2020
 * (docs/methods.md, "Attention rollout" and "Attention flow"; formats in docs/cli-geometry.md) on a
 * folder holding every layer's and head's attention map of one sequence, one file per map named
 * {@code layer<L>-head<H>.npy} or {@code .csv}. Layers are ordered by their number L, whatever the
 * base; within a layer the heads are averaged, so their order does not matter.
 */
@Command(name = "attention-flow",
        description = "Attention rollout and attention flow (Abnar & Zuidema 2020) of one sequence from a folder of "
                + "layer<L>-head<H>.npy/.csv maps (see docs/cli-geometry.md).")
public final class AttentionFlowCommand extends LongRunningCommand {

    /** layer, optional separator, number, separator, head, number: layer1-head3, Layer_01_Head_3, ... */
    private static final Pattern NAME = Pattern.compile("(?i).*?layer[-_]?(\\d+)[-_]?head[-_]?(\\d+)\\.(npy|csv)");

    @Option(names = "--attention", required = true, paramLabel = "DIR",
            description = "Folder of layer<L>-head<H>.npy/.csv attention maps of one sequence (e.g. one "
                    + "sentence folder written by `infer --attention-dir`).")
    Path attention;

    @Mixin
    CsvOutput output = new CsvOutput();

    @Option(names = "--output-position", paramLabel = "I", defaultValue = "0",
            description = "Output position whose rollout and flow are reported, 0-based (default 0, [CLS]).")
    int outputPosition;

    @Option(names = "--all-positions", description = "Report every output position. Flow then solves n^2 "
            + "max-flow problems: minutes for a few hundred positions, about n times one position.")
    boolean allPositions;

    @Option(names = "--no-flow", description = "Only the rollout (fast: L matrix products).")
    boolean noFlow;

    @Option(names = "--normalize-flow", description = "Divide each output position's flow values by their sum, "
            + "as the authors' compute_flows does (default: the raw max-flow values, each in [0, 1]).")
    boolean normalizeFlow;

    @Override
    public Integer call() throws Exception {
        List<List<double[][]>> layers = layers(attention);
        int n = layers.get(0).get(0).length;
        if (!allPositions && (outputPosition < 0 || outputPosition >= n)) {
            throw new IllegalArgumentException("--output-position " + outputPosition + " is outside the maps' 0.."
                    + (n - 1));
        }
        double[][] rollout = AttentionRollout.rollout(layers);
        AttentionFlow.Scale scale = normalizeFlow ? AttentionFlow.Scale.NORMALIZED : AttentionFlow.Scale.RAW;
        int[] outputs = allPositions ? range(n) : new int[] {outputPosition};
        // one output position at a time (row k of AttentionFlow.all), so that the n^2 problems of
        // --all-positions report progress; every row is computed before the file is opened, so a
        // failure leaves no partial result
        double[][] flow = new double[outputs.length][];
        if (!noFlow) {
            ProgressBar bar = bar("attention-flow");
            for (int k = 0; k < outputs.length; k++) {
                flow[k] = AttentionFlow.fromOutput(layers, outputs[k], scale, true);
                bar.items(k + 1, outputs.length, "output positions");
            }
            bar.done();
        }
        try (CsvWriter w = output.open()) {
            w.record("output_position", "input_position", "rollout", "flow");
            for (int k = 0; k < outputs.length; k++) {
                for (int j = 0; j < n; j++) {
                    w.record(outputs[k], j, rollout[outputs[k]][j], noFlow ? null : flow[k][j]);
                }
            }
        }
        output.summary("attention-flow: " + layers.size() + " layers x " + layers.get(0).size() + " heads of " + n
                + "x" + n);
        return 0;
    }

    /** The maps of the folder grouped by layer number, lowest first. */
    static List<List<double[][]>> layers(Path folder) throws IOException {
        Map<Integer, List<double[][]>> byLayer = new TreeMap<>();
        List<String> ignored = new ArrayList<>();
        for (AttentionFiles.Named m : AttentionFiles.load(folder)) {
            Matcher x = NAME.matcher(m.file());
            if (!x.matches()) {
                ignored.add(m.file());
                continue;
            }
            byLayer.computeIfAbsent(Integer.parseInt(x.group(1)), l -> new ArrayList<>()).add(m.matrix());
        }
        if (!ignored.isEmpty()) {
            // a map that is silently left out would change every result: refuse instead
            throw new IOException(folder + ": " + ignored.size() + " file(s) not named layer<L>-head<H>.npy/.csv, "
                    + "e.g. '" + ignored.get(0) + "': rename them or move them out of the folder");
        }
        int expected = -1;
        for (Map.Entry<Integer, List<double[][]>> e : byLayer.entrySet()) {
            if (expected >= 0 && e.getKey() != expected) {
                throw new IOException(folder + ": layer " + expected + " has no maps (layers found: " + byLayer.keySet()
                        + "): every layer between the first and the last is needed");
            }
            expected = e.getKey() + 1;
        }
        int heads = byLayer.values().iterator().next().size();
        for (Map.Entry<Integer, List<double[][]>> e : byLayer.entrySet()) {
            if (e.getValue().size() != heads) {
                throw new IOException(folder + ": layer " + e.getKey() + " has " + e.getValue().size()
                        + " head maps but layer " + byLayer.keySet().iterator().next() + " has " + heads
                        + ": a map is missing or extra");
            }
        }
        return new ArrayList<>(byLayer.values());
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }
}
