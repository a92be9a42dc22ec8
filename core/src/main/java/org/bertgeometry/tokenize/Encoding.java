package org.bertgeometry.tokenize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One tokenized input as a BERT model consumes it: the tokens (special and padding tokens
 * included), their ids, the segment ({@code token_type_ids}: 0 for the first sentence, 1 for the
 * second), the attention mask (1 for a real token, 0 for padding) and whether tokens were dropped to
 * fit the maximum length. All four sequences have the same length.
 *
 * <p>The arrays are defensively copied in and out, so an {@code Encoding} is immutable; {@code
 * equals} compares contents.
 */
public record Encoding(List<String> tokens, int[] ids, int[] typeIds, int[] attentionMask, boolean truncated) {

    public Encoding {
        tokens = List.copyOf(tokens);
        ids = ids.clone();
        typeIds = typeIds.clone();
        attentionMask = attentionMask.clone();
        int n = tokens.size();
        if (ids.length != n || typeIds.length != n || attentionMask.length != n) {
            throw new IllegalArgumentException("tokens (" + n + "), ids (" + ids.length + "), typeIds ("
                    + typeIds.length + ") and attentionMask (" + attentionMask.length
                    + ") must have the same length");
        }
    }

    @Override
    public int[] ids() {
        return ids.clone();
    }

    @Override
    public int[] typeIds() {
        return typeIds.clone();
    }

    @Override
    public int[] attentionMask() {
        return attentionMask.clone();
    }

    /** Number of positions, padding included. */
    public int length() {
        return ids.length;
    }

    /** Number of positions whose attention mask is 1. */
    public int realLength() {
        int n = 0;
        for (int m : attentionMask) {
            n += m;
        }
        return n;
    }

    /**
     * This encoding right-padded to {@code length} positions with {@code padToken}/{@code padId},
     * type id 0 and mask 0 (as Hugging Face pads on the right). Returns this when already that long.
     *
     * @throws IllegalArgumentException if the encoding is longer than {@code length}
     */
    public Encoding padTo(int length, String padToken, int padId) {
        int n = ids.length;
        if (length < n) {
            throw new IllegalArgumentException("cannot pad an encoding of " + n + " positions to " + length);
        }
        if (length == n) {
            return this;
        }
        List<String> t = new ArrayList<>(tokens);
        while (t.size() < length) {
            t.add(padToken);
        }
        int[] i = Arrays.copyOf(ids, length);
        Arrays.fill(i, n, length, padId);
        return new Encoding(t, i, Arrays.copyOf(typeIds, length), Arrays.copyOf(attentionMask, length), truncated);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Encoding e && tokens.equals(e.tokens) && Arrays.equals(ids, e.ids)
                && Arrays.equals(typeIds, e.typeIds) && Arrays.equals(attentionMask, e.attentionMask)
                && truncated == e.truncated;
    }

    @Override
    public int hashCode() {
        return tokens.hashCode() * 31 + Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        return "Encoding[tokens=" + tokens + ", ids=" + Arrays.toString(ids) + ", typeIds="
                + Arrays.toString(typeIds) + ", attentionMask=" + Arrays.toString(attentionMask)
                + ", truncated=" + truncated + "]";
    }
}
