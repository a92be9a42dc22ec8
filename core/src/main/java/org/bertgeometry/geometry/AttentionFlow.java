package org.bertgeometry.geometry;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;

/**
 * Attention flow after Abnar and Zuidema 2020 (docs/methods.md, "Attention flow"): how much
 * "attention" can flow from an output position through all layers down to an input position when
 * every layer's mixing weights are capacities. Per layer l = 1..L the capacities are
 * {@code Ahat_l = AttentionRollout.augmented(heads)} (heads averaged, identity added for the residual
 * connection, rows renormalised). The graph has nodes (l, i) for l = 0..L and positions i, and a
 * directed edge (l, i) -> (l - 1, j) with capacity {@code Ahat_l[i][j]}; the flow value of output
 * position i and input position j is the maximum flow from (L, i) to (0, j). These semantics are
 * the authors' own, read in their reference code (github.com/samiraabnar/attention_flow, file
 * attention_graph_util.py: {@code get_adjmat} puts {@code mat[l-1][k_f][k_t]} on the edge from
 * node (l, k_f) to node (l-1, k_t), {@code draw_attention_graph} builds a networkx {@code DiGraph}
 * with these weights as capacities, and {@code compute_flows} takes the Edmonds-Karp maximum-flow
 * value from each upper node to each input node); the graph is directed, edges point from a layer
 * to the one below, and flow runs from the output down to the input. Their {@code compute_flows}
 * then divides each output node's values by their sum: {@link Scale#NORMALIZED} does the same,
 * {@link Scale#RAW} (the default) keeps the max-flow values, which lie in [0, 1] because the
 * source's out-capacity is one row of {@code Ahat_L}. Flow for a lower layer m is this computation
 * on the first m layers. The max-flow is our own Dinic implementation ({@link LayeredMaxFlow}); the
 * value of a maximum flow does not depend on the algorithm. Cost: one max-flow per (output, input)
 * pair on a graph of about (L - 1) n^2 edges; {@link #fromOutput} solves n of them, which at 427
 * positions and 12 layers took 3.6 to 4.1 s on one thread (2.0 to 2.2 s in parallel on two shared
 * cores) against 0.22 s for {@link AttentionRollout#rollout} in the same JVM
 * (docs/performance.md, "Attention flow", has the command). {@link #all} solves n^2 and is meant
 * for small n (about n times that).
 */
public final class AttentionFlow {

    /**
     * A residual capacity counts as positive only above this. Capacities are entries of row-stochastic
     * matrices (at most 1), so this is relative to the largest possible capacity; it stops the search
     * from chasing rounding remnants. The returned value is that of a valid flow and falls short of
     * the exact maximum by at most this times the number of edges crossing the final cut.
     */
    public static final double RESIDUAL_EPSILON = 1e-12;

    /** How the flow values of one output position are reported. */
    public enum Scale {
        /** The maximum-flow values themselves. */
        RAW,
        /** Divided by their sum over input positions, as the reference's {@code compute_flows}. */
        NORMALIZED
    }

    private AttentionFlow() {
    }

    /**
     * Raw flow from one output position (e.g. [CLS] = 0) to every input position, sequentially.
     *
     * @param layers per layer, first layer first, the list of that layer's head maps (n x n, query
     *               rows, non-negative)
     */
    public static double[] fromOutput(List<List<double[][]>> layers, int outputPosition) {
        return fromOutput(layers, outputPosition, Scale.RAW, false);
    }

    /**
     * Flow from one output position to every input position: n max-flow problems.
     *
     * @param parallel spread the input positions over the common fork-join pool; the values are
     *                 identical to the sequential ones, since each problem is solved on its own
     */
    public static double[] fromOutput(List<List<double[][]>> layers, int outputPosition, Scale scale,
            boolean parallel) {
        LayeredMaxFlow graph = graph(layers);
        int n = layers.get(0).get(0).length;
        if (outputPosition < 0 || outputPosition >= n) {
            throw new IllegalArgumentException("output position " + outputPosition
                    + " is outside the maps' 0.." + (n - 1));
        }
        double[] row = new double[n];
        solve(graph, n, parallel, p -> outputPosition, p -> p, (p, v) -> row[p] = v);
        return scale(row, scale);
    }

    /** Raw flow for every (output, input) pair, sequentially; n^2 max-flows, meant for small n. */
    public static double[][] all(List<List<double[][]>> layers) {
        return all(layers, Scale.RAW, false);
    }

    /** Flow for every (output, input) pair: row i is {@code fromOutput(layers, i, scale, parallel)}. */
    public static double[][] all(List<List<double[][]>> layers, Scale scale, boolean parallel) {
        LayeredMaxFlow graph = graph(layers);
        int n = layers.get(0).get(0).length;
        double[][] out = new double[n][n];
        solve(graph, n * n, parallel, p -> p / n, p -> p % n, (p, v) -> out[p / n][p % n] = v);
        for (int i = 0; i < n; i++) {
            out[i] = scale(out[i], scale);
        }
        return out;
    }

    private interface Result {
        void put(int problem, double value);
    }

    private static void solve(LayeredMaxFlow graph, int problems, boolean parallel,
            IntUnaryOperator source, IntUnaryOperator sink, Result result) {
        // one workspace (about 16 L n^2 bytes) per worker, not per problem; workers take the next
        // unsolved problem, so uneven problems balance out, and each value depends only on its problem
        int workers = parallel ? Math.min(problems, ForkJoinPool.getCommonPoolParallelism() + 1) : 1;
        AtomicInteger next = new AtomicInteger();
        IntStream ids = IntStream.range(0, workers);
        (parallel ? ids.parallel() : ids).forEach(worker -> {
            LayeredMaxFlow.Workspace w = graph.newWorkspace();
            for (int p = next.getAndIncrement(); p < problems; p = next.getAndIncrement()) {
                result.put(p, graph.maxFlow(w, source.applyAsInt(p), sink.applyAsInt(p)));
            }
        });
    }

    private static double[] scale(double[] row, Scale scale) {
        if (scale == Scale.RAW) {
            return row;
        }
        double sum = 0;
        for (double v : row) {
            sum += v;
        }
        // the flow to the output's own input position is at least the smallest diagonal entry of the
        // Ahat_l, each positive because of the identity; only capacities below the epsilon make it 0
        if (!(sum > 0)) {
            throw new IllegalArgumentException("all flow values are 0 (capacities at or below "
                    + RESIDUAL_EPSILON + "): there is nothing to normalise; use Scale.RAW");
        }
        double[] out = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            out[j] = row[j] / sum;
        }
        return out;
    }

    /** Validates the head maps and builds the capacities {@code Ahat_l}, layer 1 first. */
    private static LayeredMaxFlow graph(List<List<double[][]>> layers) {
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("no layers: give at least one layer of head maps");
        }
        int n = -1;
        double[][] capacity = new double[layers.size()][];
        for (int l = 0; l < layers.size(); l++) {
            List<double[][]> heads = layers.get(l);
            if (heads == null || heads.isEmpty()) {
                throw new IllegalArgumentException("layer " + l + " has no head maps: give at least one");
            }
            for (int h = 0; h < heads.size(); h++) {
                String what = "layer " + l + " head " + h + " map";
                int size = MatrixChecks.requireSquare(heads.get(h), what);
                if (n < 0) {
                    n = size;
                } else if (size != n) {
                    throw new IllegalArgumentException(what + " is " + size + "x" + size
                            + " but layer 0 head 0 map is " + n + "x" + n + ": all maps must have the same size");
                }
                requireNonNegative(heads.get(h), what);
            }
            double[][] a = AttentionRollout.augmented(heads);
            double[] flat = new double[n * n];
            for (int i = 0; i < n; i++) {
                System.arraycopy(a[i], 0, flat, i * n, n);
            }
            capacity[l] = flat;
        }
        return new LayeredMaxFlow(capacity, n, RESIDUAL_EPSILON);
    }

    private static void requireNonNegative(double[][] m, String what) {
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                if (m[i][j] < 0) {
                    throw new IllegalArgumentException(what + " has a negative weight " + m[i][j] + " at row " + i
                            + ", column " + j + ": capacities must be non-negative attention probabilities");
                }
            }
        }
    }
}
