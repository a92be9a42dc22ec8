package org.bertgeometry.geometry;

import java.util.Arrays;

/**
 * Dinic's maximum-flow algorithm specialised to the dense layered graph of attention flow
 * (docs/methods.md, "Attention flow"): nodes (layer l = 0..L, position i), and for every l >= 1 a
 * directed edge from (l, i) to (l - 1, k) for every k. The adjacency is implicit in the layer
 * structure, so no edge objects exist: per layer one row-major array of residual capacities of the
 * downward edges and one transposed array of their flows (the residual capacities of the reverse,
 * upward edges), both read contiguously when a node's arcs are scanned. Dinic suits this graph
 * because every source-sink path of the first phase has exactly L edges, so the first level graph
 * already holds most of the flow. One instance holds the read-only capacities and may be shared by
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
        private final int[] level = new int[(layers + 1) * n];
        private final int[] arc = new int[(layers + 1) * n];
        private final int[] queue = new int[(layers + 1) * n];
        private final int[] path = new int[(layers + 1) * n + 1];
    }

    Workspace newWorkspace() {
        return new Workspace();
    }

    /**
     * The maximum flow from (L, source) to (0, sink). The workspace is reset first, so the result
     * does not depend on what it was used for before.
     */
    double maxFlow(Workspace w, int source, int sink) {
        for (int l = 0; l < layers; l++) {
            System.arraycopy(capacity[l], 0, w.residual[l], 0, n * n);
            Arrays.fill(w.reverse[l], 0);
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
        Arrays.fill(level, -1);
        level[s] = 0;
        int head = 0;
        int tail = 0;
        w.queue[tail++] = s;
        while (head < tail) {
            int u = w.queue[head++];
            if (level[sink] >= 0 && level[u] >= level[sink]) {
                break; // nodes at or beyond the sink's level cannot lie on a shortest path
            }
            for (int a = firstArc(u, sink); a < 2 * n; a = nextArc(u, a, sink)) {
                if (residual(w, u, a) > epsilon) {
                    int v = head(u, a);
                    if (level[v] < 0) {
                        level[v] = level[u] + 1;
                        w.queue[tail++] = v;
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
        arc[s] = firstArc(s, sink);
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
            int a = arc[u];
            int next = -1;
            while (a < 2 * n) {
                if (residual(w, u, a) > epsilon) {
                    int v = head(u, a);
                    if (level[v] == level[u] + 1 && (v == sink || level[v] < sinkLevel)) {
                        next = v;
                        break;
                    }
                }
                a = nextArc(u, a, sink);
            }
            arc[u] = a;
            if (next >= 0) {
                path[++depth] = next;
                arc[next] = Math.max(arc[next], firstArc(next, sink));
                continue;
            }
            if (depth == 0) {
                return total;
            }
            level[u] = -1; // dead end for the rest of this phase
            depth--;
            int p = path[depth];
            arc[p] = nextArc(p, arc[p], sink);
        }
    }

    // Arcs of node u = (l, i): a in [0, n) goes down to (l - 1, a), a in [n, 2n) goes up to
    // (l + 1, a - n). Only the sink is kept of layer 0 (other input nodes are dead ends), and
    // layer L has no upward arcs.

    private int firstArc(int u, int sink) {
        return nextValid(u, 0, sink);
    }

    private int nextArc(int u, int a, int sink) {
        return nextValid(u, a + 1, sink);
    }

    private int nextValid(int u, int a, int sink) {
        int l = u / n;
        if (a < n) {
            if (l == 0) {
                a = n;
            } else if (l == 1) {
                if (a <= sink) {
                    return sink;
                }
                a = n;
            } else {
                return a;
            }
        }
        return l == layers || l == 0 ? 2 * n : a;
    }

    private int head(int u, int a) {
        int l = u / n;
        return a < n ? (l - 1) * n + a : (l + 1) * n + (a - n);
    }

    private double residual(Workspace w, int u, int a) {
        int l = u / n;
        int i = u - l * n;
        return a < n ? w.residual[l - 1][i * n + a] : w.reverse[l][i * n + (a - n)];
    }

    private void augment(Workspace w, int u, int a, double d) {
        int l = u / n;
        int i = u - l * n;
        if (a < n) {
            w.residual[l - 1][i * n + a] -= d;
            w.reverse[l - 1][a * n + i] += d;
        } else {
            int k = a - n;
            w.reverse[l][i * n + k] -= d;
            w.residual[l][k * n + i] += d;
        }
    }
}
