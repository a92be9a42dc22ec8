package org.bertgeometry.tokenize;

/**
 * The character classes BERT's text cleaning and splitting rely on, defined as Hugging Face's Rust
 * {@code tokenizers} (BertNormalizer, BertPreTokenizer) defines them. They differ from Java's
 * {@link Character#isWhitespace} on purpose: that method excludes no-break spaces and includes the
 * information separators U+001C..U+001F, whereas BERT uses the Unicode White_Space property.
 * General categories come from {@link Unicode8Categories} (the reference's Unicode 8.0 tables), not
 * from the JRE, so results do not depend on the Java version.
 */
final class BertCharacters {

    private BertCharacters() {
    }

    /**
     * Unicode White_Space (Rust {@code char::is_whitespace}): TAB, LF, VT, FF, CR, space, NEL,
     * NBSP, OGHAM SPACE MARK, U+2000..U+200A, LINE/PARAGRAPH SEPARATOR, NNBSP, MMSP, IDEOGRAPHIC
     * SPACE.
     */
    static boolean isWhitespace(int cp) {
        return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680
                || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F
                || cp == 0x205F || cp == 0x3000;
    }

    /**
     * "Other" characters except TAB, LF and CR, which BERT treats as whitespace instead: general
     * categories Cc, Cf, Cs and Co of Unicode 8.0. Unassigned code points (Cn) are NOT included
     * although the Rust source's comment says so: its category tables list no Cn code points, so the
     * reference keeps unassigned characters (they then become [UNK]); the parity tests pin this down.
     */
    static boolean isControl(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return false;
        }
        return Unicode8Categories.isOther(cp);
    }

    /** Removed entirely by clean_text: NUL, the replacement character U+FFFD, and controls. */
    static boolean removedByCleaning(int cp) {
        return cp == 0 || cp == 0xFFFD || isControl(cp);
    }

    /**
     * BERT punctuation: every printable ASCII non-alphanumeric character (33-47, 58-64, 91-96,
     * 123-126, which includes symbols such as $ + &lt; = &gt; ^ ` | ~ that Unicode does not call
     * punctuation) plus the Unicode 8.0 punctuation categories Pc, Pd, Ps, Pe, Pi, Pf, Po.
     */
    static boolean isPunctuation(int cp) {
        if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126)) {
            return true;
        }
        return Unicode8Categories.isPunctuation(cp);
    }

    /**
     * The CJK ideograph ranges that BERT isolates as single tokens (the ranges of the Rust
     * implementation, which starts Extension E at U+2B920 rather than U+2B820).
     */
    static boolean isChineseChar(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)
                || (cp >= 0x20000 && cp <= 0x2A6DF) || (cp >= 0x2A700 && cp <= 0x2B73F)
                || (cp >= 0x2B740 && cp <= 0x2B81F) || (cp >= 0x2B920 && cp <= 0x2CEAF)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
    }

    /** Nonspacing marks (Unicode 8.0 category Mn): what accent stripping drops after NFD. */
    static boolean isNonspacingMark(int cp) {
        return Unicode8Categories.isNonspacingMark(cp);
    }
}
