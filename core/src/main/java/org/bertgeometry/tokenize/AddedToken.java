package org.bertgeometry.tokenize;

/**
 * A token matched verbatim in the input before any normalisation or splitting, as Hugging Face's
 * added tokens are: by default the special tokens [PAD], [UNK], [CLS], [SEP] and [MASK], so that a
 * literal "[MASK]" in a text stays one token.
 *
 * @param content    the exact text to find
 * @param id         its id
 * @param normalized when true the match is made on normalised text rather than the raw input
 */
public record AddedToken(String content, int id, boolean normalized) {

    public AddedToken {
        if (content == null || content.isEmpty()) {
            throw new IllegalArgumentException("an added token needs non-empty content");
        }
    }
}
