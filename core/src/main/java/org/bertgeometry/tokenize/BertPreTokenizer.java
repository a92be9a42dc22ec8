package org.bertgeometry.tokenize;

import java.util.ArrayList;
import java.util.List;

/**
 * BERT's word splitting (Hugging Face {@code BertPreTokenizer}): split on whitespace, which is
 * dropped, then make every punctuation character a word of its own. CJK ideographs are already
 * surrounded by spaces by {@link BertNormalizer} when that option is on.
 */
final class BertPreTokenizer {

    private BertPreTokenizer() {
    }

    /** The words of {@code normalized}, in order. */
    static List<String> split(String normalized) {
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            i += Character.charCount(cp);
            if (BertCharacters.isWhitespace(cp)) {
                flush(current, words);
            } else if (BertCharacters.isPunctuation(cp)) {
                flush(current, words);
                words.add(new String(Character.toChars(cp)));
            } else {
                current.appendCodePoint(cp);
            }
        }
        flush(current, words);
        return words;
    }

    private static void flush(StringBuilder current, List<String> words) {
        if (current.length() > 0) {
            words.add(current.toString());
            current.setLength(0);
        }
    }
}
