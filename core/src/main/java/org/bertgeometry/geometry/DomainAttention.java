package org.bertgeometry.geometry;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Share of a head's attention that falls on a protein domain, after Vig et al. 2021
 * (docs/methods.md, "Attention to protein domains"; the authors' notebook): for the domain's key
 * columns D, {@code P = sum_{i, j in D} M[i,j] / sum_{i,j} M[i,j]} in three modes (all mass, mass of
 * entries above theta, count of entries above theta; theta default 0.3), and a two-proportion z-test
 * (pooled variance, two-sided, as statsmodels {@code proportions_ztest}) with a Bonferroni
 * correction over the tested heads (default alpha 0.05 / 144).
 */
public final class DomainAttention {

    private DomainAttention() {
    }

    /** What is summed. */
    public enum Mode {
        /** All attention mass. */
        ATTENTION,
        /** Mass of entries strictly above theta ("high-confidence attention"). */
        HIGH_CONFIDENCE_ATTENTION,
        /** Number of entries strictly above theta. */
        HIGH_ATTENTION_TOKEN_COUNT
    }

    /**
     * @param mode  what is summed, default ATTENTION
     * @param theta high-attention threshold, default 0.3
     */
    public record Params(Mode mode, double theta) {
        public static Params defaults() {
            return new Params(Mode.ATTENTION, 0.3);
        }
    }

    /** @param inDomain mass (or count) on the domain's columns; total over the map; their ratio */
    public record Proportion(double inDomain, double total, double proportion) {
    }

    /**
     * The proportion for key columns {@code firstToken..lastToken} (inclusive) of map {@code m}.
     * A map with no mass gives proportion NaN.
     */
    public static Proportion proportion(double[][] m, int firstToken, int lastToken, Params params) {
        int n = MatrixChecks.requireSquare(m, "attention map");
        if (firstToken < 0 || lastToken >= n || firstToken > lastToken) {
            throw new IllegalArgumentException("domain columns " + firstToken + ".." + lastToken
                    + " do not fit a " + n + "x" + n + " map");
        }
        double in = 0;
        double total = 0;
        for (double[] row : m) {
            for (int j = 0; j < n; j++) {
                double w = weight(row[j], params);
                total += w;
                if (j >= firstToken && j <= lastToken) {
                    in += w;
                }
            }
        }
        return new Proportion(in, total, total == 0 ? Double.NaN : in / total);
    }

    private static double weight(double v, Params p) {
        return switch (p.mode()) {
            case ATTENTION -> v;
            case HIGH_CONFIDENCE_ATTENTION -> v > p.theta() ? v : 0;
            case HIGH_ATTENTION_TOKEN_COUNT -> v > p.theta() ? 1 : 0;
        };
    }

    /**
     * @param z           the z statistic
     * @param pValue      two-sided p-value
     * @param alpha       the corrected significance level {@code alpha / tests}
     * @param significant {@code pValue < alpha}
     */
    public record ZTest(double z, double pValue, double alpha, boolean significant) {
    }

    /**
     * Two-proportion z-test of {@code count1/nobs1} against {@code count2/nobs2} with pooled
     * variance, two-sided, Bonferroni-corrected over {@code tests} comparisons at level {@code alpha}.
     * Equal proportions with zero pooled variance give z = 0 and p = 1.
     */
    public static ZTest twoProportionZTest(double count1, double nobs1, double count2, double nobs2,
            double alpha, int tests) {
        if (!(nobs1 > 0) || !(nobs2 > 0) || count1 < 0 || count2 < 0 || count1 > nobs1 || count2 > nobs2) {
            throw new IllegalArgumentException("need 0 <= count <= nobs and nobs > 0, got " + count1 + "/"
                    + nobs1 + " and " + count2 + "/" + nobs2);
        }
        if (tests < 1) {
            throw new IllegalArgumentException("number of tests must be >= 1, got " + tests);
        }
        double p1 = count1 / nobs1;
        double p2 = count2 / nobs2;
        double pooled = (count1 + count2) / (nobs1 + nobs2);
        double se = Math.sqrt(pooled * (1 - pooled) * (1 / nobs1 + 1 / nobs2));
        double z = se == 0 ? 0 : (p1 - p2) / se;
        double p = se == 0 ? 1 : 2 * new NormalDistribution().cumulativeProbability(-Math.abs(z));
        double corrected = alpha / tests;
        return new ZTest(z, p, corrected, p < corrected);
    }

    /** The test with the notebook's defaults: alpha 0.05 over 144 heads. */
    public static ZTest twoProportionZTest(double count1, double nobs1, double count2, double nobs2) {
        return twoProportionZTest(count1, nobs1, count2, nobs2, 0.05, 144);
    }
}
