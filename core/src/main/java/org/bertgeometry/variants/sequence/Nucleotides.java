package org.bertgeometry.variants.sequence;

/**
 * Operations on upper-case nucleotide strings that the spike pipeline needs in several places:
 * reverse complement (IUPAC-aware, so ambiguity codes survive a strand flip) and translation with the
 * standard genetic code. Stateless; every method is a pure function.
 */
public final class Nucleotides {

    private static final String BASES = "TCAG";
    // Standard code (NCBI table 1), codons ordered TTT, TTC, TTA, TTG, TCT, ... as in the NCBI layout.
    private static final String AMINO_ACIDS = "FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG";

    private Nucleotides() {
    }

    /** Complement of one upper-case base (IUPAC codes included); unknown characters become N. */
    public static char complement(char b) {
        return switch (b) {
            case 'A' -> 'T';
            case 'T' -> 'A';
            case 'C' -> 'G';
            case 'G' -> 'C';
            case 'R' -> 'Y';
            case 'Y' -> 'R';
            case 'K' -> 'M';
            case 'M' -> 'K';
            case 'B' -> 'V';
            case 'V' -> 'B';
            case 'D' -> 'H';
            case 'H' -> 'D';
            case 'S' -> 'S';
            case 'W' -> 'W';
            default -> 'N';
        };
    }

    /** Reverse complement of an upper-case nucleotide string. */
    public static String reverseComplement(String s) {
        char[] out = new char[s.length()];
        for (int i = 0, n = s.length(); i < n; i++) {
            out[n - 1 - i] = complement(s.charAt(i));
        }
        return new String(out);
    }

    /**
     * Translates codon by codon from offset 0 with the standard genetic code; a codon containing
     * anything other than A, C, G, T becomes 'X', a stop becomes '*', and a trailing partial codon is
     * ignored.
     */
    public static String translate(String s) {
        StringBuilder p = new StringBuilder(s.length() / 3);
        for (int i = 0; i + 3 <= s.length(); i += 3) {
            int a = BASES.indexOf(s.charAt(i));
            int b = BASES.indexOf(s.charAt(i + 1));
            int c = BASES.indexOf(s.charAt(i + 2));
            p.append(a < 0 || b < 0 || c < 0 ? 'X' : AMINO_ACIDS.charAt(16 * a + 4 * b + c));
        }
        return p.toString();
    }

    /** Share of characters that are 'N' (0 for an empty string). */
    public static double nFraction(CharSequence s) {
        if (s.length() == 0) {
            return 0;
        }
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == 'N') {
                n++;
            }
        }
        return n / (double) s.length();
    }
}
