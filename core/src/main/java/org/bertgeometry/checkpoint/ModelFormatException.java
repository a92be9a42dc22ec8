package org.bertgeometry.checkpoint;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A model file that cannot be read as what it claims to be: truncated, inconsistent with its own
 * header, with tensors of the wrong shape, or in a format we refuse. The message always names the
 * file and the problem, and where possible what the user can do about it.
 */
public class ModelFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public ModelFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public ModelFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
