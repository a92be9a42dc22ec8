package org.bertgeometry.tokenize;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A vocabulary or tokenizer file that cannot be read as what it claims to be: invalid UTF-8, an empty or
 * duplicate token, a tokenizer.json that is not BERT-shaped. The message names the file and the problem.
 * It lives here rather than beside the model's format errors because the tokenizer depends on nothing above it.
 */
public class TokenizerFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public TokenizerFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public TokenizerFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
