package org.bertgeometry.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Unicode code points (see {@link #swept}), inside a word, alone and after a capital, through
 * the uncased (lower-case + accent stripping) and the cased tokenizer, against Hugging Face's Rust
 * implementation. This pins down each character class the normaliser and pre-tokenizer use
 * (whitespace, removed controls, punctuation, CJK, nonspacing marks, lower-casing) for the whole
 * code space. Our class tables come from ICU4J 56 (Unicode 8.0), an independent source, so a pass
 * here also confirms that the reference uses Unicode 8.0 categories.
 */
class UnicodeSweepParityTest {

    private static final int BATCH = 64;

    @Test
    void everyCodePointIsClassifiedAsTheRustTokenizersClassifyIt() throws IOException {
        List<String> mismatches = new ArrayList<>();
        sweep("/all-minilm-l6-v2-tokenizer.json", mismatches);
        sweep("/org/bertgeometry/tokenize/cased-wordpiece-tokenizer.json", mismatches);
        assertEquals(List.of(), mismatches.size() > 50 ? mismatches.subList(0, 50) : mismatches,
                mismatches.size() + " code points differ");
    }

    private void sweep(String resource, List<String> mismatches) throws IOException {
        HuggingFaceTokenizer ref;
        WordPieceTokenizer ours;
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            ref = HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false", "truncation", "false"));
        }
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            ours = WordPieceTokenizer.fromTokenizerJson(in, resource).withOptions(EncodeOptions.defaults().withTruncate(false));
        }
        try {
            List<Integer> batch = new ArrayList<>(BATCH);
            for (int cp = 0; cp <= 0x10FFFF; cp++) {
                if ((cp >= 0xD800 && cp <= 0xDFFF) || !swept(cp)) {
                    continue;
                }
                batch.add(cp);
                if (batch.size() == BATCH || cp == 0x10FFFF) {
                    if (!same(ref, ours, text(batch))) {
                        for (int c : batch) { // narrow down to the offending code points
                            String s = text(List.of(c));
                            if (!same(ref, ours, s)) {
                                mismatches.add(String.format("%s U+%04X rust %s ours %s", resource, c,
                                        Arrays.toString(ref.encode(s).getTokens()), ours.encode(s).tokens()));
                            }
                        }
                    }
                    batch.clear();
                }
            }
        } finally {
            ref.close();
        }
    }

    /**
     * Planes 0 and 1 (every script, symbol, emoji and mark block), the tag and variation-selector
     * block U+E0000..U+E01EF, and every 97th code point of the rest (CJK extensions, unassigned
     * planes, private use), to keep the test within seconds.
     */
    private static boolean swept(int cp) {
        return cp < 0x20000 || (cp >= 0xE0000 && cp <= 0xE01EF) || cp % 97 == 0 || cp == 0x10FFFF;
    }

    /** "a{c}b {c} A{c}" per code point, separated by spaces so each code point's words stand alone. */
    private static String text(List<Integer> cps) {
        StringBuilder sb = new StringBuilder();
        for (int cp : cps) {
            String c = new String(Character.toChars(cp));
            sb.append('a').append(c).append("b ").append(c).append(" A").append(c).append(" | ");
        }
        return sb.toString();
    }

    private static boolean same(HuggingFaceTokenizer ref, WordPieceTokenizer ours, String s) {
        long[] r = ref.encode(s).getIds();
        int[] o = ours.encode(s).ids();
        return Arrays.equals(r, Arrays.stream(o).asLongStream().toArray());
    }
}
