package org.bertgeometry.geometry;

import java.util.Arrays;

/**
 * Dinic's maximum-flow algorithm specialised to the dense layered graph of attention flow
 * (docs/methods.md, "Attention flow"): nodes (layer l = 0..L, position i), and for every l >= 1 a
 * directed edge from (l, i) to (l - 1, k) for every k. The adjacency is implicit in the layer
 * structure, so no edge objects exist: per layer one row-major array of residual capacities of the
 * downward edges and one transposed array of their flows (the residual capacities of the reverse,
 * upward edges), both read contiguously when a node's arcs are scanned. Rows are reset lazily: a
 * row that no augmenting path has touched in the current problem is read from the capacities (or
 * as all zero flow, whose upward arcs are then skipped without a scan), so a new problem does not
 * pay for copying L n^2 values. Dinic suits this graph because every source-sink path of the first
 * phase has exactly L edges, so the first level graph already holds most of the flow. One instance holds the read-only capacities and may be shared by
 * threads; each thread solves with its own {@link Workspace}.
 */
final class LayeredMaxFlow {

    private final int n;
    private final int layers;
    /** capacity[l - 1][i * n + k] = capacity of the edge (l, i) -> (l - 1, k), l = 1..L. */
    private final double[][] capacity;
    private final double epsilon;

    /**
     * @param capacity per layer l = 1..L (index l - 1), the n x n capacities in row-major order;
     *                 not copied, must not change afterwards
     * @param epsilon  a residual capacity counts as positive only when it exceeds this
     */
    LayeredMaxFlow(double[][] capacity, int n, double epsilon) {
        this.n = n;
        this.layers = capacity.length;
        this.capacity = capacity;
        this.epsilon = epsilon;
    }

    /** Per-thread scratch space: residuals, levels and the augmenting path (about 16 L n^2 bytes). */
    final class Workspace {
        /** residual[l - 1][i * n + k]: residual capacity of (l, i) -> (l - 1, k). */
        private final double[][] residual = new double[layers][n * n];
        /** reverse[l - 1][k * n + i]: flow on (l, i) -> (l - 1, k), the residual of its reverse. */
        private final double[][] reverse = new double[layers][n * n];
        /** residualStamp[l - 1][i] == epoch: row i of residual[l - 1] belongs to this problem. */
        private final int[][] residualStamp = new int[layers][n];
        /** reverseStamp[l - 1][k] == epoch: row k of reverse[l - 1] belongs to this problem. */
        private final int[][] reverseStamp = new int[layers][n];
        /** Number of the current problem; rows with another stamp hold values of an earlier one. */
        private int epoch;
        private final int[] level = new int[(layers + 1) * n];
        private final int[] arc = new int[(layers + 1) * n];
        private final int[] queue = new int[(layers + 1) * n];
        private final int[] path = new int[(layers + 1) * n + 1];
    }

    Workspace newWorkspace() {
        return new Workspace();
    }

    /**
     * The maximum flow from (L, source) to (0, sink). A new epoch makes every row of the workspace
     * stale, so the result does not depend on what the workspace solved before.
     */
    double maxFlow(Workspace w, int source, int sink) {
        if (++w.epoch == Integer.MAX_VALUE) {
            for (int l = 0; l < layers; l++) {
                Arrays.fill(w.residualStamp[l], 0);
                Arrays.fill(w.reverseStamp[l], 0);
            }
            w.epoch = 1;
        }
        int s = layers * n + source;
        double total = 0;
        while (buildLevels(w, s, sink)) {
            Arrays.fill(w.arc, 0);
            total += blockingFlow(w, s, sink);
        }
        return total;
    }

    /** Breadth-first levels from s over arcs with residual above epsilon; false if the sink is cut off. */
    private boolean buildLevels(Workspace w, int s, int sink) {
        int[] level = w.level;
        int[] queue = w.queue;
        Arrays.fill(level, -1);
        level[s] = 0;
        int head = 0;
        int tail = 0;
        queue[tail++] = s;
        while (head < tail) {
            int u = queue[head++];
            if (level[sink] >= 0 && level[u] >= level[sink]) {
                break; // nodes at or beyond the sink's level cannot lie on a shortest path
            }
            int l = u / n;
            int i = u - l * n;
            int next = level[u] + 1;
            double[] down = downRow(w, l, i);
            if (l == 1) {
                if (down[i * n + sink] > epsilon && level[sink] < 0) {
                    level[sink] = next;
                    queue[tail++] = sink;
                }
            } else {
                for (int k = 0, v = (l - 1) * n; k < n; k++, v++) {
                    if (down[i * n + k] > epsilon && level[v] < 0) {
                        level[v] = next;
                        queue[tail++] = v;
                    }
                }
            }
            if (l < layers && w.reverseStamp[l][i] == w.epoch) {
                double[] up = w.reverse[l];
                for (int k = 0, v = (l + 1) * n; k < n; k++, v++) {
                    if (up[i * n + k] > epsilon && level[v] < 0) {
                        level[v] = next;
                        queue[tail++] = v;
                    }
                }
            }
        }
        return level[sink] >= 0;
    }

    /** One phase: augmenting paths along the level graph, with current-arc pointers and dead ends removed. */
    private double blockingFlow(Workspace w, int s, int sink) {
        int[] level = w.level;
        int[] arc = w.arc;
        int[] path = w.path;
        int sinkLevel = level[sink];
        double total = 0;
        int depth = 0;
        path[0] = s;
        while (true) {
            int u = path[depth];
            if (u == sink) {
                double d = Double.POSITIVE_INFINITY;
                for (int x = 0; x < depth; x++) {
                    d = Math.min(d, residual(w, path[x], arc[path[x]]));
                }
                for (int x = 0; x < depth; x++) {
                    augment(w, path[x], arc[path[x]], d);
                }
                total += d;
                // d equals one residual on the path, which is now exactly 0: restart from the first
                // arc that is no longer admissible
                int back = 0;
                while (residual(w, path[back], arc[path[back]]) > epsilon) {
                    back++;
                }
                depth = back;
                continue;
            }
            int next = advance(w, u, sink, sinkLevel);
            if (next >= 0) {
                path[++depth] = next;
                continue;
            }
            if (depth == 0) {
                return total;
            }
            level[u] = -1; // dead end for the rest of this phase
            depth--;
            arc[path[depth]]++;
        }
    }

    /**
     * Moves u's current arc to its first admissible arc (residual above epsilon, head one level
     * further and before the sink's level unless it is the sink) and returns that head, or -1 with
     * the current arc past the end.
     */
    private int advance(Workspace w, int u, int sink, int sinkLevel) {
        int[] level = w.level;
        int l = u / n;
        int i = u - l * n;
        int next = level[u] + 1;
        int a = w.arc[u];
        if (a < n) {
            double[] down = downRow(w, l, i);
            if (l == 1) {
                // of layer 0 only the sink is kept: the other input nodes are dead ends
                if (a <= sink && down[i * n + sink] > epsilon && level[sink] == next) {
                    w.arc[u] = sink;
                    return sink;
                }
            } else if (next < sinkLevel) {
                for (int v = (l - 1) * n + a; a < n; a++, v++) {
                    if (down[i * n + a] > epsilon && level[v] == next) {
                        w.arc[u] = a;
                        return v;
                    }
                }
            }
            a = n;
        }
        if (l < layers && next < sinkLevel && w.reverseStamp[l][i] == w.epoch) {
            double[] up = w.reverse[l];
            for (int v = (l + 1) * n + (a - n); a < 2 * n; a++, v++) {
                if (up[i * n + (a - n)] > epsilon && level[v] == next) {
                    w.arc[u] = a;
                    return v;
                }
            }
        }
        w.arc[u] = 2 * n;
        return -1;
    }

    // Arcs of node u = (l, i): a in [0, n) goes down to (l - 1, a), a in [n, 2n) goes up to
    // (l + 1, a - n); layer L has no upward arcs.

    /** The array holding the residuals of the down arcs of node (l, i), at offset i * n. */
    private double[] downRow(Workspace w, int l, int i) {
        return w.residualStamp[l - 1][i] == w.epoch ? w.residual[l - 1] : capacity[l - 1];
    }

    private double residual(Workspace w, int u, int a) {
        int l = u / n;
        int i = u - l * n;
        if (a < n) {
            return downRow(w, l, i)[i * n + a];
        }
        return w.reverseStamp[l][i] == w.epoch ? w.reverse[l][i * n + (a - n)] : 0;
    }

    private void augment(Workspace w, int u, int a, double d) {
        int l = u / n;
        int i = u - l * n;
        if (a < n) {
            ownResidualRow(w, l - 1, i)[i * n + a] -= d;
            ownReverseRow(w, l - 1, a)[a * n + i] += d;
        } else {
            int k = a - n;
            ownReverseRow(w, l, i)[i * n + k] -= d;
            ownResidualRow(w, l, k)[k * n + i] += d;
        }
    }

    /** residual[index], with row i first set to the capacities if it holds an earlier problem's values. */
    private double[] ownResidualRow(Workspace w, int index, int i) {
        if (w.residualStamp[index][i] != w.epoch) {
            System.arraycopy(capacity[index], i * n, w.residual[index], i * n, n);
            w.residualStamp[index][i] = w.epoch;
        }
        return w.residual[index];
    }

    /** reverse[index], with row k first set to zero flow if it holds an earlier problem's values. */
    private double[] ownReverseRow(Workspace w, int index, int k) {
        if (w.reverseStamp[index][k] != w.epoch) {
            Arrays.fill(w.reverse[index], k * n, k * n + n, 0);
            w.reverseStamp[index][k] = w.epoch;
        }
        return w.reverse[index];
    }
}
