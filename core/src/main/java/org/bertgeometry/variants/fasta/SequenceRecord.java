package org.bertgeometry.variants.fasta;

import java.util.Objects;

/**
 * One FASTA record after normalisation by {@link FastaReader}: the id is the first
 * whitespace-delimited word of the header (without '>'), the description is the rest of the header
 * (possibly empty), and the sequence is upper-case, gap-free nucleotide text.
 */
public record SequenceRecord(String id, String description, String sequence) {

    public SequenceRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(sequence, "sequence");
    }

    /** Number of nucleotides. */
    public int length() {
        return sequence.length();
    }
}
