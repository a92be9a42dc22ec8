package org.bertgeometry.tokenize;

import java.text.Normalizer;

/**
 * BERT's text normalisation, in the order Hugging Face's {@code BertNormalizer} applies it:
 * <ol>
 * <li>{@code cleanText}: drop NUL, U+FFFD and control/format/unassigned/private-use characters,
 * turn every whitespace character into a plain space;</li>
 * <li>{@code handleChineseChars}: surround each CJK ideograph with spaces so it becomes its own
 * word;</li>
 * <li>{@code stripAccents}: canonical decomposition (NFD) then removal of nonspacing marks, so that
 * "é" becomes "e";</li>
 * <li>{@code lowercase}: per-character full lower-casing (so "İ" becomes "i" plus U+0307 when accents
 * are kept; the Greek final-sigma rule is not applied, as in the reference).</li>
 * </ol>
 * Hugging Face's default for {@code strip_accents} is "same as lowercase"; {@link #bert(boolean)}
 * follows it.
 */
public record BertNormalizer(boolean cleanText, boolean handleChineseChars, boolean stripAccents, boolean lowercase) {

    /**
     * The defaults of Hugging Face's {@code BertTokenizer}: clean text, isolate CJK characters, and
     * strip accents exactly when lower-casing.
     */
    public static BertNormalizer bert(boolean lowercase) {
        return new BertNormalizer(true, true, lowercase, lowercase);
    }

    /** Applies the enabled steps to {@code text}. */
    public String normalize(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cleanText) {
                if (BertCharacters.removedByCleaning(cp)) {
                    continue;
                }
                if (BertCharacters.isWhitespace(cp)) {
                    cp = ' ';
                }
            }
            if (handleChineseChars && BertCharacters.isChineseChar(cp)) {
                sb.append(' ').appendCodePoint(cp).append(' ');
            } else {
                sb.appendCodePoint(cp);
            }
        }
        String s = sb.toString();
        if (stripAccents) {
            s = stripNonspacingMarks(Normalizer.normalize(s, Normalizer.Form.NFD));
        }
        if (lowercase) {
            s = lowercasePerCharacter(s);
        }
        return s;
    }

    private static String stripNonspacingMarks(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (!BertCharacters.isNonspacingMark(cp)) {
                sb.appendCodePoint(cp);
            }
        }
        return sb.toString();
    }

    /**
     * Lower-cases each character on its own, without context: that is what the reference does, and
     * it differs from {@link String#toLowerCase} only for a capital sigma at the end of a word.
     */
    private static String lowercasePerCharacter(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == 0x130) {
                // the only unconditional one-to-many lower-case mapping: İ -> i + combining dot above
                sb.append("i\u0307");
            } else {
                sb.appendCodePoint(Character.toLowerCase(cp));
            }
        }
        return sb.toString();
    }
}
