package org.bertgeometry.capture;

/**
 * A scalar computed from one head's attention map of one sample (e.g. entropy, the weight on [CLS],
 * a gate-detection score). Implementations are the plug-in point for per-sample analyses run by
 * {@link AttentionMapStatisticSink} during inference.
 */
public interface AttentionMapStatistic {

    /** Column name of the statistic, e.g. {@code "entropy"}. */
    String name();

    /**
     * @param map         the {@code (T, T)} attention probabilities of one head (rows are queries),
     *                    already cropped to the sample's real tokens
     * @param validLength T, the number of real tokens
     */
    double compute(float[][] map, int validLength);
}
