package org.bertgeometry.knime.nodes.infer;

import java.util.List;

import org.bertgeometry.capture.AttentionMapStatistic;

/**
 * The per-sample per-head statistics the Infer node records (our own simple descriptors, documented in
 * docs/knime.md, "Infer with Attention Capture"): the mean over query rows of the Shannon entropy of the row (nats; 0 = every query
 * attends to one key, ln T = uniform), and the mean attention paid to position 0 ([CLS]).
 */
final class InferMapStatistics {
    private InferMapStatistics() {
    }

    static List<AttentionMapStatistic> all() {
        return List.of(new RowEntropy(), new ClsAttention());
    }

    /** Mean row entropy in nats. */
    static final class RowEntropy implements AttentionMapStatistic {
        @Override
        public String name() {
            return "mean_row_entropy";
        }

        @Override
        public double compute(final float[][] map, final int validLength) {
            double total = 0;
            for (int i = 0; i < validLength; i++) {
                double h = 0;
                for (int j = 0; j < validLength; j++) {
                    double p = map[i][j];
                    if (p > 0) {
                        h -= p * Math.log(p);
                    }
                }
                total += h;
            }
            return total / validLength;
        }
    }

    /** Mean attention to the first position. */
    static final class ClsAttention implements AttentionMapStatistic {
        @Override
        public String name() {
            return "mean_attention_to_cls";
        }

        @Override
        public double compute(final float[][] map, final int validLength) {
            double total = 0;
            for (int i = 0; i < validLength; i++) {
                total += map[i][0];
            }
            return total / validLength;
        }
    }
}
