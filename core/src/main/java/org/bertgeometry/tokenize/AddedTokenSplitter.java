package org.bertgeometry.tokenize;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a text around verbatim occurrences of added tokens, leftmost match first and, among tokens
 * starting at the same place, the longest (the matching rule of Hugging Face's added vocabulary).
 * Quadratic in the worst case, which is fine for the handful of special tokens BERT has.
 */
final class AddedTokenSplitter {

    private AddedTokenSplitter() {
    }

    static List<WordPieceTokenizer.Segment> split(String text, List<AddedToken> tokens) {
        List<WordPieceTokenizer.Segment> out = new ArrayList<>();
        if (tokens.isEmpty()) {
            out.add(new WordPieceTokenizer.Segment(text, null));
            return out;
        }
        int plainStart = 0;
        int i = 0;
        while (i < text.length()) {
            AddedToken best = null;
            for (AddedToken t : tokens) {
                if (text.startsWith(t.content(), i) && (best == null || t.content().length() > best.content().length())) {
                    best = t;
                }
            }
            if (best == null) {
                i++;
                continue;
            }
            if (i > plainStart) {
                out.add(new WordPieceTokenizer.Segment(text.substring(plainStart, i), null));
            }
            out.add(new WordPieceTokenizer.Segment(best.content(), best));
            i += best.content().length();
            plainStart = i;
        }
        if (plainStart < text.length() || out.isEmpty()) {
            out.add(new WordPieceTokenizer.Segment(text.substring(plainStart), null));
        }
        return out;
    }
}
