package org.bertgeometry.variants.fasta;

/**
 * A FASTA input that cannot be read as nucleotide FASTA: empty, binary, or with a record that is empty
 * or contains characters that are not nucleotide codes. Unchecked because it is thrown from an
 * {@link java.util.Iterator}; the message always names the source, the line and, where there is one,
 * the record id, and says what to do.
 */
public class FastaFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FastaFormatException(String message) {
        super(message);
    }

    public FastaFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
