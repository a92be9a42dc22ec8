package org.bertgeometry.geometry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Assigns one of the paper's gate names to an attention map (docs/methods.md, "Attention gates").
 * The names are the paper's; the statistics ({@link GateStatistics}) and the ordered decision rules
 * are the project's own proposal (the paper's definitions were not available), every threshold is a
 * parameter, and the statistics are returned next to the label.
 *
 * <p>Rules, first match wins: closed ({@code m_sp >= 0.5}); directional ({@code rowCone >= 0.99},
 * {@code c* >= theta_hi}, {@code rank <= 2}); open ({@code kappa >= 0.8} or
 * {@code rowEntropy >= 0.9}); backward ({@code m_back(3) >= 0.5} and {@code >= 2 m_fwd(3)});
 * forward (mirror); instance ({@code m_self >= 0.5}, or 1..5 % of entries high, all off the diagonal,
 * on at most 3 key columns, which, when the class-mean maps of one head are classified together,
 * must not all be high key columns of every other class); cluster ({@code B >= 0.6} and {@code 0.05 <= kappa <= 0.6}).
 * The methods reference also lists "no high entry and kappa >= 0.8" as closed; that clause makes an
 * open gate unreachable for near-uniform maps, so it is off by default
 * ({@link Params#closedWhenFlat()}).
 */
public final class GateClassifier {

    private GateClassifier() {
    }

    /**
     * Whether the rank statistic is computed. The rank needs one singular-value decomposition of the
     * map, which costs more than every other statistic together (about 0.17 s for a 427 x 427 map
     * against about 7 ms for the rest; docs/performance.md), and only the directional rule reads it.
     */
    public enum RankPolicy {
        /** For every map: the statistics are complete, at one SVD per map. */
        ALWAYS,
        /**
         * Default: only for maps that meet the directional rule's other two conditions, the only
         * place a label depends on the rank; elsewhere the rank is reported as -1 (an empty CSV cell,
         * a missing KNIME cell). Labels are the same as with {@link #ALWAYS}.
         */
        WHEN_NEEDED
    }

    /**
     * All thresholds of the rules and statistics; {@link #defaults()} gives the documented values.
     *
     * @param thetaHi            high-attention threshold, 0.3
     * @param localWindow        w for m_back(w)/m_fwd(w), 3
     * @param kThreshold         mass for metastable k, 0.90
     * @param singularValueCut   rank cut, 1e-3
     * @param closedSpecialMass  closed gate: m_sp at least this, 0.5
     * @param closedWhenFlat     closed gate also when n_hi == 0 and kappa >= openKappa, false
     * @param directionalCone    directional: rowCone at least this, 0.99
     * @param directionalMaxRank directional: rank at most this, 2
     * @param openKappa          open: kappa at least this, 0.8
     * @param openEntropy        open: rowEntropy at least this, 0.9
     * @param contextualMass     backward/forward: local mass at least this, 0.5
     * @param contextualRatio    backward/forward: at least this times the other direction, 2
     * @param instanceSelf       instance: m_self at least this, 0.5
     * @param instanceMaxShare   instance: n_hi at most this share of n (second clause), 0.05
     * @param instanceMaxColumns instance: high entries on at most this many columns, 3
     * @param clusterBlock       cluster: B at least this, 0.6
     * @param clusterKappaMin    cluster: kappa at least this, 0.05
     * @param clusterKappaMax    cluster: kappa at most this, 0.6
     * @param segmentSimilarity  automatic segmentation: adjacent rows with cosine below this start a
     *                           new segment, 0.5
     * @param segmentStarts      fixed segment start positions (block-map indices, e.g. protein
     *                           domains), or null to segment automatically
     * @param rankPolicy         when to compute the rank, WHEN_NEEDED
     */
    public record Params(double thetaHi, int localWindow, double kThreshold, double singularValueCut,
            double closedSpecialMass, boolean closedWhenFlat, double directionalCone, int directionalMaxRank,
            double openKappa, double openEntropy, double contextualMass, double contextualRatio,
            double instanceSelf, double instanceMaxShare, int instanceMaxColumns, double clusterBlock,
            double clusterKappaMin, double clusterKappaMax, double segmentSimilarity, int[] segmentStarts,
            RankPolicy rankPolicy) {

        public static Params defaults() {
            return new Params(0.3, 3, 0.90, 1e-3, 0.5, false, 0.99, 2, 0.8, 0.9, 0.5, 2.0, 0.5, 0.05, 3, 0.6,
                    0.05, 0.6, 0.5, null, RankPolicy.WHEN_NEEDED);
        }

        /** A builder starting from {@link #defaults()}: name only what differs. */
        public static Builder builder() {
            return defaults().toBuilder();
        }

        /** A builder starting from these parameters. */
        public Builder toBuilder() {
            return new Builder(this);
        }

        /** These parameters with {@code p} as the rank policy. */
        public Params withRankPolicy(RankPolicy p) {
            return toBuilder().rankPolicy(p).build();
        }

        /** These parameters with {@code closedWhenFlat} set to {@code b}. */
        public Params withClosedWhenFlat(boolean b) {
            return toBuilder().closedWhenFlat(b).build();
        }
    }

    /**
     * Changes some of the {@link Params} by name, so that no caller spells the 21 positional
     * arguments; each setter takes the parameter of the same name (documented on {@link Params}).
     */
    public static final class Builder {
        private double thetaHi;
        private int localWindow;
        private double kThreshold;
        private double singularValueCut;
        private double closedSpecialMass;
        private boolean closedWhenFlat;
        private double directionalCone;
        private int directionalMaxRank;
        private double openKappa;
        private double openEntropy;
        private double contextualMass;
        private double contextualRatio;
        private double instanceSelf;
        private double instanceMaxShare;
        private int instanceMaxColumns;
        private double clusterBlock;
        private double clusterKappaMin;
        private double clusterKappaMax;
        private double segmentSimilarity;
        private int[] segmentStarts;
        private RankPolicy rankPolicy;

        private Builder(Params p) {
            thetaHi = p.thetaHi;
            localWindow = p.localWindow;
            kThreshold = p.kThreshold;
            singularValueCut = p.singularValueCut;
            closedSpecialMass = p.closedSpecialMass;
            closedWhenFlat = p.closedWhenFlat;
            directionalCone = p.directionalCone;
            directionalMaxRank = p.directionalMaxRank;
            openKappa = p.openKappa;
            openEntropy = p.openEntropy;
            contextualMass = p.contextualMass;
            contextualRatio = p.contextualRatio;
            instanceSelf = p.instanceSelf;
            instanceMaxShare = p.instanceMaxShare;
            instanceMaxColumns = p.instanceMaxColumns;
            clusterBlock = p.clusterBlock;
            clusterKappaMin = p.clusterKappaMin;
            clusterKappaMax = p.clusterKappaMax;
            segmentSimilarity = p.segmentSimilarity;
            segmentStarts = p.segmentStarts;
            rankPolicy = p.rankPolicy;
        }

        public Builder thetaHi(double v) { thetaHi = v; return this; }
        public Builder localWindow(int v) { localWindow = v; return this; }
        public Builder kThreshold(double v) { kThreshold = v; return this; }
        public Builder singularValueCut(double v) { singularValueCut = v; return this; }
        public Builder closedSpecialMass(double v) { closedSpecialMass = v; return this; }
        public Builder closedWhenFlat(boolean v) { closedWhenFlat = v; return this; }
        public Builder directionalCone(double v) { directionalCone = v; return this; }
        public Builder directionalMaxRank(int v) { directionalMaxRank = v; return this; }
        public Builder openKappa(double v) { openKappa = v; return this; }
        public Builder openEntropy(double v) { openEntropy = v; return this; }
        public Builder contextualMass(double v) { contextualMass = v; return this; }
        public Builder contextualRatio(double v) { contextualRatio = v; return this; }
        public Builder instanceSelf(double v) { instanceSelf = v; return this; }
        public Builder instanceMaxShare(double v) { instanceMaxShare = v; return this; }
        public Builder instanceMaxColumns(int v) { instanceMaxColumns = v; return this; }
        public Builder clusterBlock(double v) { clusterBlock = v; return this; }
        public Builder clusterKappaMin(double v) { clusterKappaMin = v; return this; }
        public Builder clusterKappaMax(double v) { clusterKappaMax = v; return this; }
        public Builder segmentSimilarity(double v) { segmentSimilarity = v; return this; }
        public Builder segmentStarts(int[] v) { segmentStarts = v; return this; }
        public Builder rankPolicy(RankPolicy v) { rankPolicy = v; return this; }

        /** The parameters with every change applied. */
        public Params build() {
            return new Params(thetaHi, localWindow, kThreshold, singularValueCut, closedSpecialMass, closedWhenFlat,
                    directionalCone, directionalMaxRank, openKappa, openEntropy, contextualMass, contextualRatio,
                    instanceSelf, instanceMaxShare, instanceMaxColumns, clusterBlock, clusterKappaMin,
                    clusterKappaMax, segmentSimilarity, segmentStarts, rankPolicy);
        }
    }

    /**
     * @param label the gate; @param rule the rule that fired, in words; @param statistics the inputs.
     * Serializable so that a distributed runner can send decisions made where the maps are (docs/spark.md).
     */
    public record Classification(GateLabel label, String rule, GateStatistics statistics)
            implements java.io.Serializable {
    }

    /** Classifies one map with the given special positions and parameters. */
    public static Classification classify(float[][] map, SpecialPositions special, Params params) {
        return classify(MatrixChecks.toDouble(checked(map)), special, params);
    }

    private static float[][] checked(float[][] map) {
        MatrixChecks.requireSquare(map, "attention map");
        return map;
    }

    /**
     * Classifies one map (double input). The instance rule's clause "on key columns that differ
     * between classes" needs the other classes' maps; here it is not applied (the rule text says so).
     * Use {@link #classifyClasses} for the class-mean maps of one head.
     */
    public static Classification classify(double[][] map, SpecialPositions special, Params params) {
        return classify(Block.of(map, special), params, null);
    }

    /**
     * Classifies the class-mean maps of one layer and head together, so that the instance rule's
     * second clause can require that the few high key columns "differ between classes": a class
     * passes when at least one of its high key columns (a position of the full map) is not a high
     * key column of some other class, i.e. its attention goes to a token the other classes do not
     * single out (our reading of the methods reference, docs/methods.md). With one class the
     * clause cannot be checked and is not applied, as in {@link #classify(double[][], SpecialPositions, Params)}.
     *
     * @param classMaps one map per class; they may differ in size (maps cropped per class), the
     *                  positions of the full maps are compared
     * @param special   the special positions of each class's map
     * @return one classification per class, in input order
     */
    public static List<Classification> classifyClasses(List<double[][]> classMaps, List<SpecialPositions> special,
            Params params) {
        if (classMaps.size() != special.size()) {
            throw new IllegalArgumentException(classMaps.size() + " class maps but " + special.size()
                    + " sets of special positions: give one per map");
        }
        List<Block> blocks = new ArrayList<>();
        List<Set<Integer>> columns = new ArrayList<>();
        for (int c = 0; c < classMaps.size(); c++) {
            Block b = Block.of(classMaps.get(c), special.get(c));
            blocks.add(b);
            columns.add(highKeyColumns(b, params.thetaHi()));
        }
        List<Classification> out = new ArrayList<>();
        for (int c = 0; c < blocks.size(); c++) {
            out.add(classify(blocks.get(c), params, blocks.size() > 1 ? classSpecific(c, columns) : null));
        }
        return out;
    }

    /** Whether some high key column of class c is not a high key column of some other class. */
    private static boolean classSpecific(int c, List<Set<Integer>> columns) {
        for (int j : columns.get(c)) {
            for (int d = 0; d < columns.size(); d++) {
                if (d != c && !columns.get(d).contains(j)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @param classSpecific whether the high key columns differ from another class's; null: not compared */
    private static Classification classify(Block block, Params params, Boolean classSpecific) {
        GateStatistics s = statistics(block, params, false);
        Classification c = decide(s, block, params, classSpecific);
        if (c == null && params.rankPolicy() == RankPolicy.WHEN_NEEDED && directionalWithoutRank(s, params)) {
            s = statistics(block, params, true);
            c = decide(s, block, params, classSpecific);
        }
        if (c == null) {
            c = new Classification(GateLabel.UNCLASSIFIED, "no rule matched", s);
        }
        return c;
    }

    /**
     * Classifies many maps with the same special positions; with {@code parallel} the maps are spread
     * over the common fork-join pool. Results are in input order and identical either way.
     */
    public static List<Classification> classifyAll(List<double[][]> maps, SpecialPositions special, Params params,
            boolean parallel) {
        java.util.stream.IntStream ids = java.util.stream.IntStream.range(0, maps.size());
        if (parallel) {
            ids = ids.parallel();
        }
        return ids.mapToObj(i -> classify(maps.get(i), special, params)).collect(java.util.stream.Collectors.toList());
    }

    /** The statistics alone (rank always computed). */
    public static GateStatistics statistics(double[][] map, SpecialPositions special, Params params) {
        return statistics(Block.of(map, special), params, true);
    }

    private static boolean directionalWithoutRank(GateStatistics s, Params p) {
        return s.rowCone() >= p.directionalCone() && s.strongestKeyMass() >= p.thetaHi();
    }

    private static Classification decide(GateStatistics s, Block b, Params p, Boolean classSpecific) {
        if (s.specialMass() >= p.closedSpecialMass()) {
            return new Classification(GateLabel.CLOSED_GATE, "m_special >= " + p.closedSpecialMass(), s);
        }
        if (p.closedWhenFlat() && s.highCount() == 0 && s.kappa() >= p.openKappa()) {
            return new Classification(GateLabel.CLOSED_GATE, "n_high == 0 and kappa >= " + p.openKappa(), s);
        }
        if (directionalWithoutRank(s, p)) {
            if (s.rank() < 0) {
                return null; // rank deferred: the caller computes it and decides again
            }
            if (s.rank() <= p.directionalMaxRank()) {
                return new Classification(GateLabel.DIRECTIONAL_GATE, "row_cone >= " + p.directionalCone()
                        + ", c* >= " + p.thetaHi() + ", rank <= " + p.directionalMaxRank(), s);
            }
        }
        if (s.kappa() >= p.openKappa() || s.rowEntropy() >= p.openEntropy()) {
            return new Classification(GateLabel.OPEN_GATE, "kappa >= " + p.openKappa() + " or row_entropy >= "
                    + p.openEntropy(), s);
        }
        if (s.backLocal() >= p.contextualMass() && s.backLocal() >= p.contextualRatio() * s.forwardLocal()) {
            return new Classification(GateLabel.BACKWARD_CONTEXTUAL_GATE, "m_back >= " + p.contextualMass()
                    + " and >= " + p.contextualRatio() + " m_fwd", s);
        }
        if (s.forwardLocal() >= p.contextualMass() && s.forwardLocal() >= p.contextualRatio() * s.backLocal()) {
            return new Classification(GateLabel.FORWARD_CONTEXTUAL_GATE, "m_fwd >= " + p.contextualMass()
                    + " and >= " + p.contextualRatio() + " m_back", s);
        }
        if (s.selfMass() >= p.instanceSelf()) {
            return new Classification(GateLabel.INSTANCE_GATE, "m_self >= " + p.instanceSelf(), s);
        }
        if (isolatedHighEntries(b, s, p) && !Boolean.FALSE.equals(classSpecific)) {
            return new Classification(GateLabel.INSTANCE_GATE, "few isolated off-diagonal high entries on <= "
                    + p.instanceMaxColumns() + " columns, "
                    + (classSpecific == null ? "classes not compared" : "not all shared with the other classes"), s);
        }
        if (s.blockScore() >= p.clusterBlock() && s.kappa() >= p.clusterKappaMin()
                && s.kappa() <= p.clusterKappaMax()) {
            return new Classification(GateLabel.CLUSTER_HEAD, "B >= " + p.clusterBlock() + " and "
                    + p.clusterKappaMin() + " <= kappa <= " + p.clusterKappaMax(), s);
        }
        return null;
    }

    private static boolean isolatedHighEntries(Block b, GateStatistics s, Params p) {
        if (s.highCount() < 1 || s.highCount() > p.instanceMaxShare() * b.n) {
            return false;
        }
        for (int i = 0; i < b.n; i++) {
            if (b.a[i][i] >= p.thetaHi()) {
                return false;
            }
        }
        return highKeyColumns(b, p.thetaHi()).size() <= p.instanceMaxColumns();
    }

    /** Positions (in the full map) of the key columns holding an entry at or above theta. */
    private static Set<Integer> highKeyColumns(Block b, double theta) {
        Set<Integer> columns = new HashSet<>();
        for (int i = 0; i < b.n; i++) {
            for (int j = 0; j < b.n; j++) {
                if (b.a[i][j] >= theta) {
                    columns.add(b.positions[j]);
                }
            }
        }
        return columns;
    }

    private static GateStatistics statistics(Block b, Params p, boolean forceRank) {
        int n = b.n;
        double[][] a = b.a;
        int cls = b.clsIndex;
        double self = 0;
        double backL = 0;
        double fwdL = 0;
        double backG = 0;
        double fwdG = 0;
        int offsetRows = 0;
        int w = p.localWindow();
        for (int i = 0; i < n; i++) {
            if (i == cls) {
                continue;
            }
            offsetRows++;
            double[] row = a[i];
            self += row[i];
            for (int j = 0; j < n; j++) {
                if (j == cls || j == i) {
                    continue;
                }
                if (j < i) {
                    backG += row[j];
                    if (j >= i - w) {
                        backL += row[j];
                    }
                } else {
                    fwdG += row[j];
                    if (j <= i + w) {
                        fwdL += row[j];
                    }
                }
            }
        }
        double rows = Math.max(offsetRows, 1);
        double clsMass = 0;
        double[] colMean = new double[n];
        double entropy = 0;
        int high = 0;
        for (int i = 0; i < n; i++) {
            double h = 0;
            for (int j = 0; j < n; j++) {
                double v = a[i][j];
                colMean[j] += v / n;
                if (v > 0) {
                    h -= v * Math.log(v);
                }
                if (v >= p.thetaHi()) {
                    high++;
                }
            }
            entropy += h;
            if (cls >= 0) {
                clsMass += a[i][cls];
            }
        }
        int jStar = 0;
        for (int j = 1; j < n; j++) {
            if (colMean[j] > colMean[jStar]) {
                jStar = j;
            }
        }
        double rowCone = ConeIndex.of(a, ConeIndex.Params.defaults()).normalized();
        MetastableK.Summary k = MetastableK.ofRows(MatrixChecks.toFloat(a), new MetastableK.Params(p.kThreshold()));
        int rank = -1;
        if (forceRank || p.rankPolicy() == RankPolicy.ALWAYS) {
            rank = SingularValues.countAtLeast(SingularValues.of(a), p.singularValueCut());
        }
        int[] starts = p.segmentStarts() != null ? p.segmentStarts() : segmentStarts(a, p.segmentSimilarity());
        double block = blockScore(a, starts);
        return new GateStatistics(n, self / rows, backL / rows, fwdL / rows, backG / rows, fwdG / rows,
                clsMass / n, b.specialMass, colMean[jStar], b.positions[jStar], rowCone, k.median(),
                k.median() / n, n > 1 ? entropy / n / Math.log(n) : 0, high, rank, block, starts.length);
    }

    /** Automatic segmentation: a new segment starts where adjacent rows have cosine below the cut. */
    static int[] segmentStarts(double[][] a, double similarity) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 1; i < a.length; i++) {
            if (cosine(a[i - 1], a[i]) < similarity) {
                starts.add(i);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double cosine(double[] x, double[] y) {
        double xy = 0;
        double xx = 0;
        double yy = 0;
        for (int j = 0; j < x.length; j++) {
            xy += x[j] * y[j];
            xx += x[j] * x[j];
            yy += y[j] * y[j];
        }
        return xx == 0 || yy == 0 ? 0 : xy / Math.sqrt(xx * yy);
    }

    /**
     * B = (within - uniform) / (1 - uniform): within = mean over rows of the row's mass inside its own
     * segment, uniform = the same under uniform attention. 0 when there is one segment.
     */
    static double blockScore(double[][] a, int[] starts) {
        int n = a.length;
        if (starts.length <= 1) {
            return 0;
        }
        int[] seg = new int[n];
        int[] size = new int[starts.length];
        for (int s = 0; s < starts.length; s++) {
            int from = starts[s];
            int to = s + 1 < starts.length ? starts[s + 1] : n;
            if (from < 0 || from >= n || to <= from) {
                throw new IllegalArgumentException("segment starts must be increasing positions in 0.."
                        + (n - 1) + ", starting at 0");
            }
            for (int i = from; i < to; i++) {
                seg[i] = s;
            }
            size[s] = to - from;
        }
        double within = 0;
        double uniform = 0;
        for (int i = 0; i < n; i++) {
            int from = starts[seg[i]];
            for (int j = from; j < from + size[seg[i]]; j++) {
                within += a[i][j];
            }
            uniform += (double) size[seg[i]] / n;
        }
        within /= n;
        uniform /= n;
        return uniform >= 1 ? 0 : (within - uniform) / (1 - uniform);
    }

    /** The kept block of a map: special positions removed, rows renormalised. */
    static final class Block {
        final double[][] a;
        final int n;
        final int[] positions;
        final int clsIndex;
        final double specialMass;

        private Block(double[][] a, int[] positions, int clsIndex, double specialMass) {
            this.a = a;
            this.n = a.length;
            this.positions = positions;
            this.clsIndex = clsIndex;
            this.specialMass = specialMass;
        }

        static Block of(double[][] map, SpecialPositions special) {
            int full = MatrixChecks.requireSquare(map, "attention map");
            special.requireFits(full);
            int[] keep = new int[full - special.removed().length];
            int c = 0;
            int clsIndex = -1;
            for (int i = 0; i < full; i++) {
                if (!special.isRemoved(i)) {
                    if (i == special.cls()) {
                        clsIndex = c;
                    }
                    keep[c++] = i;
                }
            }
            int n = keep.length;
            double[][] a = new double[n][n];
            double sp = 0;
            for (int r = 0; r < n; r++) {
                double[] raw = map[keep[r]];
                double total = 0;
                for (double v : raw) {
                    if (v < 0) {
                        throw new IllegalArgumentException("attention map has a negative weight " + v
                                + " in row " + keep[r] + ": expected probabilities");
                    }
                    total += v;
                }
                double kept = 0;
                for (int j = 0; j < n; j++) {
                    kept += raw[keep[j]];
                }
                sp += total > 0 ? (total - kept) / total : 1;
                for (int j = 0; j < n; j++) {
                    // a row with no kept mass carries no preference: treat it as uniform
                    a[r][j] = kept > 0 ? raw[keep[j]] / kept : 1.0 / n;
                }
            }
            return new Block(a, keep, clsIndex, sp / n);
        }
    }
}
