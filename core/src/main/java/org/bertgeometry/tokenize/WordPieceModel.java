package org.bertgeometry.tokenize;

import java.util.ArrayList;
import java.util.List;

/**
 * BERT's sub-word splitting of one word (Hugging Face {@code WordPiece} model): greedy
 * longest-match-first against the vocabulary, where every piece after the first carries the
 * continuation prefix ({@code ##}). A word longer than {@code maxInputCharsPerWord} code points, or
 * one with any part that matches nothing, becomes the single unknown token.
 *
 * @param unkToken               the unknown token, looked up only when first needed
 * @param continuingSubwordPrefix prefix of non-initial pieces, {@code "##"} for BERT
 * @param maxInputCharsPerWord   longer words map to {@code unkToken}; 100 for BERT
 */
public record WordPieceModel(String unkToken, String continuingSubwordPrefix, int maxInputCharsPerWord) {

    /** The values of BERT and of Hugging Face's defaults: [UNK], ##, 100. */
    public static WordPieceModel bert() {
        return new WordPieceModel(Vocabulary.UNK, "##", 100);
    }

    public WordPieceModel {
        if (unkToken == null || unkToken.isEmpty()) {
            throw new IllegalArgumentException("the WordPiece unknown token must be a non-empty string");
        }
        if (continuingSubwordPrefix == null) {
            throw new IllegalArgumentException("the WordPiece continuation prefix must not be null (use \"\")");
        }
        if (maxInputCharsPerWord < 1) {
            throw new IllegalArgumentException("max_input_chars_per_word must be at least 1, got "
                    + maxInputCharsPerWord);
        }
    }

    /** Appends the pieces of {@code word} to {@code out}. */
    void split(String word, Vocabulary vocab, List<String> out) {
        if (word.codePointCount(0, word.length()) > maxInputCharsPerWord) {
            out.add(requireUnk(vocab));
            return;
        }
        List<String> pieces = new ArrayList<>();
        int start = 0;
        int longest = vocab.maxTokenLength();
        while (start < word.length()) {
            int end = word.length();
            // a candidate longer than the longest token cannot match: start below that length
            // (on a code-point boundary), which gives the same result as trying every length
            int room = longest - (start > 0 ? continuingSubwordPrefix.length() : 0);
            if (end - start > room) {
                end = Math.max(start, start + room);
                if (end > start && end < word.length() && Character.isLowSurrogate(word.charAt(end))) {
                    end--;
                }
            }
            String match = null;
            while (start < end) {
                String piece = start > 0 ? continuingSubwordPrefix + word.substring(start, end) : word.substring(start, end);
                if (vocab.contains(piece)) {
                    match = piece;
                    break;
                }
                end = word.offsetByCodePoints(end, -1);
            }
            if (match == null) {
                out.add(requireUnk(vocab));
                return;
            }
            pieces.add(match);
            start = end;
        }
        out.addAll(pieces);
    }

    private String requireUnk(Vocabulary vocab) {
        vocab.requireId(unkToken);
        return unkToken;
    }
}
