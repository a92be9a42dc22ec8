package org.bertgeometry.tokenize;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns one input string into the ids a BERT model reads. Implemented by {@link WordPieceTokenizer}
 * (natural-language text, Hugging Face {@code BertTokenizer} behaviour) and {@link KmerTokenizer}
 * (nucleotide sequences, the paper's overlapping k-mers). Implementations are immutable and safe
 * to share between threads as long as their {@link Vocabulary} is not being extended.
 */
public interface Tokenizer {

    /** The vocabulary ids refer to. */
    Vocabulary vocabulary();

    /** The largest number of positions an encoding may have, special tokens included. */
    int maxLength();

    /**
     * Encodes one input: special tokens added, truncated to {@link #maxLength()} when the
     * implementation's settings say so (reported by {@link Encoding#truncated()}), padded when they
     * say so.
     */
    Encoding encode(String text);

    /** The token used to pad batches. */
    default String padToken() {
        return Vocabulary.PAD;
    }

    /**
     * Encodes every input and right-pads all rows to the longest one with [PAD] (mask 0, type 0).
     */
    default BatchEncoding encodeBatch(List<String> texts) {
        List<Encoding> encodings = new ArrayList<>(texts.size());
        int longest = 0;
        for (String t : texts) {
            Encoding e = encode(t);
            encodings.add(e);
            longest = Math.max(longest, e.length());
        }
        int padId = vocabulary().requireId(padToken());
        List<Encoding> padded = new ArrayList<>(encodings.size());
        for (Encoding e : encodings) {
            padded.add(e.padTo(longest, padToken(), padId));
        }
        return new BatchEncoding(padded);
    }
}
