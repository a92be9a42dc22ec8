package org.bertgeometry.model;

import java.util.Arrays;
import java.util.List;

/**
 * One batch of tokenised sequences ready for {@link BertModel}: token ids, attention mask and token
 * types, all {@code (B, T)}, plus optional integer labels. Sequences are right-padded: each mask row
 * is a run of ones (real tokens, at least one) followed by zeros (padding). Left padding and holes are
 * rejected, because captures are cropped to each sample's real prefix. Structural checks happen here;
 * checks against a model's sizes (vocabulary, positions) happen in {@link #validateFor(BertConfig)},
 * which the model calls before any native code runs.
 *
 * @param inputIds      {@code (B, T)} token ids
 * @param attentionMask {@code (B, T)} 1 for real tokens, 0 for padding
 * @param tokenTypeIds  {@code (B, T)} segment ids (0 for single-sentence input)
 * @param labels        {@code (B)} class ids, or an empty array when the batch is unlabelled
 */
public record BatchInput(int[][] inputIds, int[][] attentionMask, int[][] tokenTypeIds, int[] labels) {

    public BatchInput {
        if (inputIds == null || inputIds.length == 0) {
            throw new IllegalArgumentException("a batch needs at least one sequence");
        }
        int t = inputIds[0].length;
        if (t == 0) {
            throw new IllegalArgumentException("sequences must contain at least one token");
        }
        inputIds = copy("input ids", inputIds, inputIds.length, t);
        attentionMask = copy("attention mask", attentionMask, inputIds.length, t);
        tokenTypeIds = copy("token type ids", tokenTypeIds, inputIds.length, t);
        labels = labels == null ? new int[0] : labels.clone();
        if (labels.length != 0 && labels.length != inputIds.length) {
            throw new IllegalArgumentException("got " + labels.length + " labels for " + inputIds.length
                    + " sequences; give one label per sequence or none");
        }
        for (int b = 0; b < attentionMask.length; b++) {
            int[] m = attentionMask[b];
            if (m[0] != 1) {
                throw new IllegalArgumentException("sequence " + b + " starts with padding (mask 0); only "
                        + "right padding is supported and every sequence needs at least one real token");
            }
            boolean seenPad = false;
            for (int i = 0; i < m.length; i++) {
                if (m[i] != 0 && m[i] != 1) {
                    throw new IllegalArgumentException("attention mask of sequence " + b + " has value " + m[i]
                            + " at position " + i + "; only 0 and 1 are allowed");
                }
                if (m[i] == 0) {
                    seenPad = true;
                } else if (seenPad) {
                    throw new IllegalArgumentException("attention mask of sequence " + b + " has a real token "
                            + "after padding at position " + i + "; pad on the right only");
                }
            }
        }
    }

    /**
     * Right-pads {@code sequences} to the longest one with {@code padId}, mask 1 on real tokens, token
     * type 0 everywhere, no labels.
     */
    public static BatchInput padded(List<int[]> sequences, int padId) {
        return padded(sequences, padId, null);
    }

    /** As {@link #padded(List, int)} with one label per sequence ({@code null} for none). */
    public static BatchInput padded(List<int[]> sequences, int padId, int[] labels) {
        if (sequences.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one sequence");
        }
        int t = 0;
        for (int[] s : sequences) {
            t = Math.max(t, s.length);
        }
        int b = sequences.size();
        int[][] ids = new int[b][t];
        int[][] mask = new int[b][t];
        for (int i = 0; i < b; i++) {
            int[] s = sequences.get(i);
            Arrays.fill(ids[i], padId);
            System.arraycopy(s, 0, ids[i], 0, s.length);
            Arrays.fill(mask[i], 0, s.length, 1);
        }
        return new BatchInput(ids, mask, new int[b][t], labels);
    }

    /** Batch size B. */
    public int batchSize() {
        return inputIds.length;
    }

    /** Padded length T. */
    public int length() {
        return inputIds[0].length;
    }

    /** Number of real tokens of sequence {@code b}. */
    public int validLength(int b) {
        int n = 0;
        for (int m : attentionMask[b]) {
            n += m;
        }
        return n;
    }

    /** Whether labels are present. */
    public boolean hasLabels() {
        return labels.length > 0;
    }

    /**
     * Checks ids, token types, length and labels against {@code config}, so that no out-of-range
     * index ever reaches native code (where it would crash the JVM rather than throw).
     *
     * @throws IllegalArgumentException naming the sequence, position and limit
     */
    public void validateFor(BertConfig config) {
        if (length() > config.maxPositionEmbeddings()) {
            throw new IllegalArgumentException("sequence length " + length() + " exceeds the model's "
                    + "max_position_embeddings " + config.maxPositionEmbeddings() + "; truncate the input");
        }
        for (int b = 0; b < inputIds.length; b++) {
            for (int i = 0; i < inputIds[b].length; i++) {
                int id = inputIds[b][i];
                if (id < 0 || id >= config.vocabSize()) {
                    throw new IllegalArgumentException("token id " + id + " at sequence " + b + ", position " + i
                            + " is outside the vocabulary [0, " + config.vocabSize() + ")");
                }
                int tt = tokenTypeIds[b][i];
                if (tt < 0 || tt >= config.typeVocabSize()) {
                    throw new IllegalArgumentException("token type " + tt + " at sequence " + b + ", position "
                            + i + " is outside [0, " + config.typeVocabSize() + ")");
                }
            }
        }
        for (int b = 0; b < labels.length; b++) {
            if (labels[b] < 0 || (config.numLabels() > 0 && labels[b] >= config.numLabels())) {
                throw new IllegalArgumentException("label " + labels[b] + " of sequence " + b
                        + " is outside [0, " + config.numLabels() + ")");
            }
        }
    }

    private static int[][] copy(String what, int[][] rows, int b, int t) {
        if (rows == null) {
            throw new IllegalArgumentException(what + " are missing");
        }
        if (rows.length != b) {
            throw new IllegalArgumentException(what + " have " + rows.length + " rows but input ids have " + b);
        }
        int[][] out = new int[b][];
        for (int i = 0; i < b; i++) {
            if (rows[i] == null || rows[i].length != t) {
                throw new IllegalArgumentException(what + " row " + i + " has length "
                        + (rows[i] == null ? "null" : rows[i].length) + "; every row must have the batch length " + t);
            }
            out[i] = rows[i].clone();
        }
        return out;
    }
}
