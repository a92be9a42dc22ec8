package org.bertgeometry.geometry;

/**
 * The per-head statistics behind the gate rules (docs/methods.md, "Attention gates"; all are the
 * project's own operationalisation). They are computed on the block of kept positions (special
 * [SEP]/[PAD] positions removed, rows renormalised); offset statistics leave out the [CLS] row and
 * column. Returned next to every label so that thresholds can be re-tuned.
 *
 * @param n               size of the kept block
 * @param selfMass        m_self: mean diagonal weight
 * @param backLocal       m_back(w): mean mass on the w keys before the query
 * @param forwardLocal    m_fwd(w): mean mass on the w keys after the query
 * @param backGlobal      m_back(inf): mean mass on all earlier keys
 * @param forwardGlobal   m_fwd(inf): mean mass on all later keys
 * @param clsMass         m_cls: mean mass on [CLS] (0 without a [CLS] position)
 * @param specialMass     m_sp: mean share of each raw row on removed [SEP]/[PAD] positions
 * @param strongestKeyMass c*: the largest column mean
 * @param strongestKey    j*: its position in the original map
 * @param rowCone         normalised cone index of the rows (how parallel they are)
 * @param k90Median       median metastable k over rows (threshold of the parameters)
 * @param kappa           k90Median / n
 * @param rowEntropy      mean row entropy divided by ln n
 * @param highCount       n_hi: number of entries >= theta_hi
 * @param rank            number of singular values >= the cut, or -1 if not computed
 * @param blockScore      B: excess within-segment mass over its uniform expectation
 * @param segments        number of contiguous segments used for B
 */
public record GateStatistics(
        int n,
        double selfMass,
        double backLocal,
        double forwardLocal,
        double backGlobal,
        double forwardGlobal,
        double clsMass,
        double specialMass,
        double strongestKeyMass,
        int strongestKey,
        double rowCone,
        double k90Median,
        double kappa,
        double rowEntropy,
        int highCount,
        int rank,
        double blockScore,
        int segments) implements java.io.Serializable {

    /** CSV column names in the order of {@link #csvValues()}. */
    public static String[] csvHeader() {
        return new String[] {"n", "m_self", "m_back_local", "m_fwd_local", "m_back_global", "m_fwd_global",
            "m_cls", "m_special", "c_star", "j_star", "row_cone_normalized", "k90_median", "kappa",
            "row_entropy", "n_high", "rank", "block_score", "segments"};
    }

    /**
     * Values as strings, in the order of {@link #csvHeader()}; a rank that was not computed
     * ({@link GateClassifier.RankPolicy#WHEN_NEEDED}) is an empty cell rather than a number.
     */
    public String[] csvValues() {
        return new String[] {Integer.toString(n), d(selfMass), d(backLocal), d(forwardLocal), d(backGlobal),
            d(forwardGlobal), d(clsMass), d(specialMass), d(strongestKeyMass), Integer.toString(strongestKey),
            d(rowCone), d(k90Median), d(kappa), d(rowEntropy), Integer.toString(highCount),
            rank < 0 ? "" : Integer.toString(rank), d(blockScore), Integer.toString(segments)};
    }

    private static String d(double v) {
        return Double.toString(v);
    }
}
