package org.bertgeometry.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Token-for-token parity of {@link WordPieceTokenizer} with Hugging Face's Rust {@code tokenizers}
 * (through DJL 0.36.0, an independent implementation) on the same {@code tokenizer.json}: the
 * uncased bert-base-uncased vocabulary shipped with all-MiniLM-L6-v2, and a hand-made cased one.
 * The inputs are a hand-written list of awkward cases plus a deterministic random mix of scripts,
 * punctuation, control characters, odd whitespace, emoji and over-long words.
 */
class WordPieceParityTest {

    private static final String MINILM = "/all-minilm-l6-v2-tokenizer.json";
    private static final String CASED = "/org/bertgeometry/tokenize/cased-wordpiece-tokenizer.json";

    private static HuggingFaceTokenizer hfUncased;
    private static HuggingFaceTokenizer hfCased;

    @BeforeAll
    static void loadReference() throws IOException {
        hfUncased = reference(MINILM, Map.of("padding", "false", "truncation", "false", "addSpecialTokens", "true"));
        hfCased = reference(CASED, Map.of("padding", "false", "truncation", "false", "addSpecialTokens", "true"));
    }

    @AfterAll
    static void close() {
        hfUncased.close();
        hfCased.close();
    }

    private static HuggingFaceTokenizer reference(String resource, Map<String, String> options) throws IOException {
        try (InputStream in = WordPieceParityTest.class.getResourceAsStream(resource)) {
            assertTrue(in != null, "test resource " + resource + " missing");
            return HuggingFaceTokenizer.newInstance(in, options);
        }
    }

    private static WordPieceTokenizer ours(String resource) throws IOException {
        try (InputStream in = WordPieceParityTest.class.getResourceAsStream(resource)) {
            return WordPieceTokenizer.fromTokenizerJson(in, resource).withOptions(
                    EncodeOptions.defaults().withTruncate(false));
        }
    }

    /** Hand-written cases, each aimed at one rule. */
    static List<String> handWritten() {
        String longWord = "a".repeat(101);
        String exactly100 = "b".repeat(100);
        return new ArrayList<>(List.of(
                "", " ", "   \t\n\r  ", "\u00A0\u2028\u3000", "Hello, world!", "hello world",
                "The models run offline.", "unaffable", "Héllo Wörld, naïve café!", "İstanbul ΣΟΦΙΑ Straße",
                "ǅemal ﬁligature", "e\u0301 vs é", "你好世界, 中文字!", "a中b文c", "日本語のテキスト と カタカナ",
                "한국어 문장입니다.", "Привет, мир!", "مرحبا بالعالم", "שלום עולם", "नमस्ते दुनिया", "สวัสดีชาวโลก",
                "emoji 😀😂👍🏽 👨‍👩‍👧 ❤️ 🥰 🫠", "null\u0000char", "repl\uFFFDchar", "bell\u0007char",
                "zero\u200Bwidth\u200Djoin", "soft\u00ADhyphen", "private\uE000use", "tab\there\u000Bvt\u000Cff\u0085nel",
                "$100 + 5% = <x> ^ `y` | ~z", "¡¿Qué?! «quote» „low“ ‘single’ — dash – en … ellipsis",
                "[MASK] is [CLS] and [SEP] or [PAD] and [UNK]", "a[MASK]b", "[mask] lowercase is not special",
                "[MASK][MASK]", "[MAS K]", longWord, exactly100, "x " + longWord + " y", "re-enter e-mail U.S.A.",
                "C++ and C# and F#", "x_y__z", "3.14159 1,000,000 1e-9", "https://example.com/path?q=1&r=2#frag",
                "😀" + "a".repeat(99), "Ａｂｃ ｆｕｌｌｗｉｄｔｈ", "𝐀𝐁𝐂 math bold", "𠀀𠀁 extension B", "\uD800 lone surrogate",
                "ABC\u0301DEF", "spike glycoprotein D614G N501Y", "ATGTTTGTTTTTCTTGTTTTATTGCCACTAGTC"));
    }

    /** Deterministic random sentences drawn from pools of characters and words of many kinds. */
    static List<String> generated(int count, long seed) {
        String[] words = {"the", "The", "geometry", "of", "BERT", "attention", "héllo", "naïve", "Ärger", "ß",
                "İ", "Σ", "σ", "ς", "ǅ", "ﬁ", "Москва", "你", "好", "世界", "テスト", "한국", "مرحبا", "😀", "👍🏽",
                "🥰", "🫠", "👨‍👩‍👧", "❤️", "[MASK]", "[CLS]", "[UNK]", "don't", "U.S.", "e-mail", "$5", "#1",
                "@user", "100%", "x^2", "a|b", "~", "`", "…", "—", "«", "»", "¿", "¡", "‰", "†", "©", "®", "™",
                "°C", "½", "²", "Ⅻ", "ℌ", "ａｂｃ", "unaffable", "unbelievably", "antidisestablishmentarianism",
                "\u0301", "e\u0308", "\u200B", "\u200D", "\u00AD", "\uFEFF", "\u0000", "\uFFFD", "\u0007",
                "\u001F", "\u007F", "\u0085", "\u00A0", "\u2028", "\u3000", "\t", "\n", "\r\n", "\uE000",
                "\uD83D\uDE00", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "Zürich", "Café", "über", "spike", "Omicron", "SARS-CoV-2"};
        Random r = new Random(seed);
        List<String> out = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            StringBuilder sb = new StringBuilder();
            int n = r.nextInt(14);
            for (int w = 0; w < n; w++) {
                switch (r.nextInt(10)) {
                    case 0 -> sb.append("x".repeat(95 + r.nextInt(12))); // around the 100-char limit
                    case 1 -> sb.appendCodePoint(0x20 + r.nextInt(0x60)); // any printable ASCII
                    case 2 -> sb.appendCodePoint(0xA0 + r.nextInt(0x2000)); // Latin-1 .. many scripts
                    case 3 -> sb.appendCodePoint(0x2000 + r.nextInt(0x100)); // punctuation, odd spaces, format
                    default -> sb.append(words[r.nextInt(words.length)]);
                }
                if (r.nextInt(4) > 0) {
                    sb.append(r.nextInt(8) == 0 ? "  " : " ");
                }
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void uncasedIdsEqualRustTokenizersOnHandWrittenAndGeneratedSentences() throws IOException {
        List<String> inputs = handWritten();
        inputs.addAll(generated(300, 20251126L));
        assertParity(ours(MINILM), hfUncased, inputs);
    }

    @Test
    void casedIdsEqualRustTokenizersOnHandWrittenAndGeneratedSentences() throws IOException {
        List<String> inputs = handWritten();
        inputs.addAll(generated(300, 777L));
        assertParity(ours(CASED), hfCased, inputs);
    }

    @Test
    void pairEncodingMatchesRustTokenizersIncludingTypeIds() throws IOException {
        WordPieceTokenizer tok = ours(MINILM);
        List<String> a = generated(60, 1L);
        List<String> b = generated(60, 2L);
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            ai.djl.huggingface.tokenizers.Encoding ref = hfUncased.encode(a.get(i), b.get(i));
            Encoding got = tok.encodePair(a.get(i), b.get(i));
            if (!Arrays.equals(toInt(ref.getIds()), got.ids()) || !Arrays.equals(toInt(ref.getTypeIds()), got.typeIds())) {
                mismatches.add(describe(a.get(i) + " || " + b.get(i), ref, got));
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void longestFirstPairTruncationMatchesRustTokenizers() throws IOException {
        List<String> mismatches = new ArrayList<>();
        List<String> a = generated(80, 3L);
        List<String> b = generated(80, 4L);
        for (int maxLength : new int[] {3, 4, 7, 8, 16, 33}) {
            Map<String, String> opts = Map.of("padding", "false", "truncation", "longest_first",
                    "maxLength", Integer.toString(maxLength));
            try (HuggingFaceTokenizer ref = reference(MINILM, opts)) {
                WordPieceTokenizer tok = ours(MINILM).withOptions(new EncodeOptions(maxLength, true, false));
                for (int i = 0; i < a.size(); i++) {
                    ai.djl.huggingface.tokenizers.Encoding r = ref.encode(a.get(i), b.get(i));
                    Encoding got = tok.encodePair(a.get(i), b.get(i));
                    if (!Arrays.equals(toInt(r.getIds()), got.ids()) || !Arrays.equals(toInt(r.getTypeIds()), got.typeIds())) {
                        mismatches.add("maxLength " + maxLength + ": " + describe(a.get(i) + " || " + b.get(i), r, got));
                    }
                    ai.djl.huggingface.tokenizers.Encoding rs = ref.encode(a.get(i));
                    Encoding gs = tok.encode(a.get(i));
                    if (!Arrays.equals(toInt(rs.getIds()), gs.ids())) {
                        mismatches.add("maxLength " + maxLength + " single: " + describe(a.get(i), rs, gs));
                    }
                }
            }
        }
        assertEquals(List.of(), mismatches);
    }

    private static void assertParity(WordPieceTokenizer tok, HuggingFaceTokenizer ref, List<String> inputs) {
        List<String> mismatches = new ArrayList<>();
        for (String s : inputs) {
            ai.djl.huggingface.tokenizers.Encoding r = ref.encode(s);
            Encoding got = tok.encode(s);
            if (!Arrays.equals(toInt(r.getIds()), got.ids()) || !Arrays.asList(r.getTokens()).equals(got.tokens())) {
                mismatches.add(describe(s, r, got));
            }
        }
        assertTrue(inputs.size() >= 300, "too few inputs");
        assertEquals(List.of(), mismatches, mismatches.size() + " of " + inputs.size() + " inputs differ");
    }

    private static String describe(String input, ai.djl.huggingface.tokenizers.Encoding ref, Encoding got) {
        return escape(input) + "\n   rust: " + Arrays.toString(ref.getTokens()) + "\n   ours: " + got.tokens();
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp < 0x20 || (cp >= 0x7F && cp < 0xA1) || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.SURROGATE || cp > 0xFFFF && !Character.isLetter(cp)) {
                sb.append(String.format("\\u{%X}", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    private static int[] toInt(long[] a) {
        int[] r = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = Math.toIntExact(a[i]);
        }
        return r;
    }
}
