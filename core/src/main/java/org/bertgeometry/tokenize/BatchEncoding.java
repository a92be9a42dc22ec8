package org.bertgeometry.tokenize;

import java.util.List;

/**
 * Several encodings padded to one common length, ready to be stacked into the
 * {@code (batch, sequence)} id, type-id and mask tensors of a forward pass. Row {@code i} is the
 * encoding of input {@code i}.
 */
public record BatchEncoding(List<Encoding> rows) {

    public BatchEncoding {
        rows = List.copyOf(rows);
        if (!rows.isEmpty()) {
            int n = rows.get(0).length();
            for (int r = 1; r < rows.size(); r++) {
                if (rows.get(r).length() != n) {
                    throw new IllegalArgumentException("row " + r + " has " + rows.get(r).length()
                            + " positions but row 0 has " + n + "; pad the rows to one length first");
                }
            }
        }
    }

    /** Number of inputs. */
    public int size() {
        return rows.size();
    }

    /** Positions per row (0 for an empty batch). */
    public int sequenceLength() {
        return rows.isEmpty() ? 0 : rows.get(0).length();
    }

    /** {@code (batch, sequence)} token ids. */
    public int[][] ids() {
        int[][] a = new int[rows.size()][];
        for (int r = 0; r < a.length; r++) {
            a[r] = rows.get(r).ids();
        }
        return a;
    }

    /** {@code (batch, sequence)} token type ids. */
    public int[][] typeIds() {
        int[][] a = new int[rows.size()][];
        for (int r = 0; r < a.length; r++) {
            a[r] = rows.get(r).typeIds();
        }
        return a;
    }

    /** {@code (batch, sequence)} attention mask, 1 = real token. */
    public int[][] attentionMask() {
        int[][] a = new int[rows.size()][];
        for (int r = 0; r < a.length; r++) {
            a[r] = rows.get(r).attentionMask();
        }
        return a;
    }
}
