package org.bertgeometry.tokenize;

/**
 * How {@link WordPieceTokenizer} fits an input to the model: the maximum number of positions
 * (special tokens included), whether longer inputs are truncated to it (otherwise they are returned
 * whole, longer than the model accepts), and whether shorter ones are padded up to it.
 *
 * @param maxLength     positions including [CLS]/[SEP]; default 512 (BERT's position limit)
 * @param truncate      drop tokens beyond {@code maxLength} (longest-first for pairs); default true
 * @param padToMaxLength right-pad with [PAD] to {@code maxLength}; default false
 */
public record EncodeOptions(int maxLength, boolean truncate, boolean padToMaxLength) {

    public static final int DEFAULT_MAX_LENGTH = 512;

    /** 512 positions, truncation on, no padding. */
    public static EncodeOptions defaults() {
        return new EncodeOptions(DEFAULT_MAX_LENGTH, true, false);
    }

    public EncodeOptions {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1, got " + maxLength);
        }
    }

    public EncodeOptions withMaxLength(int newMaxLength) {
        return new EncodeOptions(newMaxLength, truncate, padToMaxLength);
    }

    public EncodeOptions withTruncate(boolean newTruncate) {
        return new EncodeOptions(maxLength, newTruncate, padToMaxLength);
    }

    public EncodeOptions withPadToMaxLength(boolean newPad) {
        return new EncodeOptions(maxLength, truncate, newPad);
    }
}
