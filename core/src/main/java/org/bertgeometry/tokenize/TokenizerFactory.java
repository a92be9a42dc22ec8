package org.bertgeometry.tokenize;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the tokenizer a checkpoint asks for from the key/value pairs of its
 * {@code tokenizer_config.json} plus its vocabulary. Keys read:
 * <ul>
 * <li>{@code bertgeo_tokenizer}: {@code kmer} for our nucleotide models, {@code wordpiece} or absent
 * for ordinary BERT text models;</li>
 * <li>{@code kmer_k} (default 12), {@code kmer_stride} (default 9): k-mer models only;</li>
 * <li>{@code do_lower_case} (default true, as Hugging Face's {@code BertTokenizer}),
 * {@code strip_accents} (default: same as do_lower_case), {@code tokenize_chinese_chars} (default
 * true): WordPiece only;</li>
 * <li>{@code model_max_length} (default 512); values beyond the int range are Hugging Face's "no
 * limit" sentinel (about 1e30) and also give 512, BERT's position limit.</li>
 * </ul>
 * Other keys are ignored. An unparsable value fails with a message naming the key.
 */
public final class TokenizerFactory {

    public static final String KIND = "bertgeo_tokenizer";
    public static final String KMER_K = "kmer_k";
    public static final String KMER_STRIDE = "kmer_stride";
    public static final String DO_LOWER_CASE = "do_lower_case";
    public static final String STRIP_ACCENTS = "strip_accents";
    public static final String TOKENIZE_CHINESE_CHARS = "tokenize_chinese_chars";
    public static final String MODEL_MAX_LENGTH = "model_max_length";

    private TokenizerFactory() {
    }

    /** The tokenizer described by {@code config} over {@code vocab}. */
    public static Tokenizer create(Map<String, String> config, Vocabulary vocab) {
        String kind = config.getOrDefault(KIND, "wordpiece").trim().toLowerCase(Locale.ROOT);
        int maxLength = maxLength(config);
        switch (kind) {
            case "kmer":
                return new KmerTokenizer(vocab, positiveInt(config, KMER_K, KmerTokenizer.DEFAULT_K),
                        positiveInt(config, KMER_STRIDE, KmerTokenizer.DEFAULT_STRIDE), maxLength);
            case "wordpiece":
                boolean lower = bool(config, DO_LOWER_CASE, true);
                boolean strip = bool(config, STRIP_ACCENTS, lower);
                boolean chinese = bool(config, TOKENIZE_CHINESE_CHARS, true);
                return WordPieceTokenizer.create(vocab, new BertNormalizer(true, chinese, strip, lower),
                        EncodeOptions.defaults().withMaxLength(maxLength));
            default:
                throw new IllegalArgumentException(KIND + " is '" + config.get(KIND)
                        + "'; expected 'kmer' or 'wordpiece'");
        }
    }

    private static int maxLength(Map<String, String> config) {
        String v = config.get(MODEL_MAX_LENGTH);
        if (v == null || v.isBlank() || v.equals("null")) {
            return EncodeOptions.DEFAULT_MAX_LENGTH;
        }
        BigDecimal d;
        try {
            d = new BigDecimal(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(MODEL_MAX_LENGTH + " is '" + v + "', not a number");
        }
        if (d.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            return EncodeOptions.DEFAULT_MAX_LENGTH; // Hugging Face's VERY_LARGE_INTEGER: "not set"
        }
        int n;
        try {
            n = d.intValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(MODEL_MAX_LENGTH + " is '" + v + "', not a whole number");
        }
        if (n < 2) {
            throw new IllegalArgumentException(MODEL_MAX_LENGTH + " is " + n + "; it must be at least 2");
        }
        return n;
    }

    private static int positiveInt(Map<String, String> config, String key, int fallback) {
        String v = config.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 1) {
                throw new IllegalArgumentException(key + " is " + n + "; it must be a positive whole number");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is '" + v + "'; it must be a positive whole number");
        }
    }

    private static boolean bool(Map<String, String> config, String key, boolean fallback) {
        String v = config.get(key);
        if (v == null || v.isBlank() || v.trim().equals("null")) {
            return fallback;
        }
        String t = v.trim().toLowerCase(Locale.ROOT);
        if (t.equals("true")) {
            return true;
        }
        if (t.equals("false")) {
            return false;
        }
        throw new IllegalArgumentException(key + " is '" + v + "'; expected true or false");
    }
}
