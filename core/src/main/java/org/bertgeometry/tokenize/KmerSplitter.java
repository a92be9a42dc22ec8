package org.bertgeometry.tokenize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts a nucleotide sequence into overlapping k-mers exactly as the paper's reference code
 * ({@code seq2kmer}) does: right-pad with 'N' to a multiple of {@code k} (of k, not of the stride),
 * take the k characters starting at 0, stride, 2·stride, ... while a whole k-mer fits, and
 * lower-case each one. Every character counts, including a trailing newline (the reference's test
 * loader kept one, see docs/tokenizers.md). With k = 12 and stride = 9 consecutive k-mers share 3
 * nucleotides, one codon.
 *
 * @param k      k-mer length, at least 1 (paper: 12)
 * @param stride distance between k-mer starts, at least 1 (paper: 9)
 */
public record KmerSplitter(int k, int stride) {

    public KmerSplitter {
        if (k < 1) {
            throw new IllegalArgumentException("k-mer length k must be at least 1, got " + k);
        }
        if (stride < 1) {
            throw new IllegalArgumentException("k-mer stride must be at least 1, got " + stride);
        }
    }

    /** The k-mers of {@code sequence}, in order (none for an empty sequence). */
    public List<String> split(String sequence) {
        int length = sequence.length();
        int padded = paddedLength(length);
        StringBuilder sb = new StringBuilder(padded).append(sequence);
        while (sb.length() < padded) {
            sb.append('N');
        }
        String s = sb.toString();
        List<String> out = new ArrayList<>(count(length));
        for (int start = 0; start + k <= padded; start += stride) {
            out.add(s.substring(start, start + k).toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** Number of k-mers of a sequence of {@code length} characters: floor((ceil_k(L) - k) / stride) + 1, 0 for L = 0. */
    public int count(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("sequence length must not be negative, got " + length);
        }
        return length == 0 ? 0 : (paddedLength(length) - k) / stride + 1;
    }

    private int paddedLength(int length) {
        return (length + k - 1) / k * k;
    }
}
