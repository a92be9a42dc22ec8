package org.bertgeometry.variants.spike;

/**
 * Banded global alignment with affine gaps (Gotoh) of a reference segment against a genome window,
 * global in the reference and free at both ends of the window ("glocal"): every reference base is
 * aligned, and the window's bases before the first and after the last aligned base cost nothing. It
 * returns where in the window the reference begins and ends, which is all the spike extractor needs,
 * so instead of a traceback matrix each cell carries the window column where its path started; memory is
 * O(window) and time O(reference length x band width).
 *
 * <p>Scores are BWA-MEM's defaults (match +1, mismatch -4, a gap of length L costs 6 + L, a base that
 * is not A/C/G/T scores -1), so boundaries behave like the paper's BWA alignments; with a mismatch far
 * cheaper than any gap, a substitution at the first or last spike base never moves a boundary. The band
 * is a range of diagonals d = j - i (window column minus reference row) fixed by the caller from
 * k-mer anchors. Our own implementation (docs/case-study-data.md, "Spike extraction").
 */
final class BandedAligner {

    static final int MATCH = 1;
    static final int MISMATCH = -4;
    static final int AMBIGUOUS = -1;
    static final int GAP_OPEN = -6;
    static final int GAP_EXTEND = -1;
    private static final int NEG = Integer.MIN_VALUE / 4;

    /** Where the reference was placed in the window: [start, end) and the alignment score. */
    record Placement(int start, int end, int score) {
    }

    private BandedAligner() {
    }

    /**
     * Aligns all of {@code ref} inside {@code win} along diagonals [dMin, dMax]. Returns null when no
     * path fits inside the band.
     */
    static Placement align(String ref, String win, int dMin, int dMax) {
        int m = ref.length();
        int n = win.length();
        byte[] w = encode(win);
        byte[] r = encode(ref);
        int[] pm = new int[n + 1], pd = new int[n + 1], pi = new int[n + 1];
        int[] cm = new int[n + 1], cd = new int[n + 1], ci = new int[n + 1];
        int[] pmo = new int[n + 1], pdo = new int[n + 1], pio = new int[n + 1];
        int[] cmo = new int[n + 1], cdo = new int[n + 1], cio = new int[n + 1];
        int prevLo = Math.max(0, dMin);
        int prevHi = Math.min(n, dMax);
        if (prevLo > prevHi) {
            return null;
        }
        for (int j = prevLo; j <= prevHi; j++) {
            pm[j] = 0; // free start anywhere in the band: the path begins at column j
            pmo[j] = j;
            pd[j] = NEG;
            pi[j] = NEG;
        }
        for (int i = 1; i <= m; i++) {
            int lo = Math.max(0, i + dMin);
            int hi = Math.min(n, i + dMax);
            if (lo > hi) {
                return null;
            }
            byte rb = r[i - 1];
            for (int j = lo; j <= hi; j++) {
                // M: ref[i-1] aligned to win[j-1]
                int bestM = NEG;
                int oM = -1;
                if (j >= 1 && j - 1 >= prevLo && j - 1 <= prevHi) {
                    int a = pm[j - 1], b = pd[j - 1], c = pi[j - 1];
                    int s;
                    if (a >= b && a >= c) {
                        s = a;
                        oM = pmo[j - 1];
                    } else if (b >= c) {
                        s = b;
                        oM = pdo[j - 1];
                    } else {
                        s = c;
                        oM = pio[j - 1];
                    }
                    if (s > NEG) {
                        byte wb = w[j - 1];
                        bestM = s + (rb > 3 || wb > 3 ? AMBIGUOUS : rb == wb ? MATCH : MISMATCH);
                    }
                }
                // D: ref[i-1] against a gap (bases deleted in the genome)
                int bestD = NEG;
                int oD = -1;
                if (j >= prevLo && j <= prevHi) {
                    int open = Math.max(pm[j], pi[j]);
                    int ext = pd[j];
                    if (open > NEG && open + GAP_OPEN + GAP_EXTEND >= ext + GAP_EXTEND) {
                        bestD = open + GAP_OPEN + GAP_EXTEND;
                        oD = pm[j] >= pi[j] ? pmo[j] : pio[j];
                    } else if (ext > NEG) {
                        bestD = ext + GAP_EXTEND;
                        oD = pdo[j];
                    }
                }
                // I: win[j-1] against a gap (bases inserted in the genome)
                int bestI = NEG;
                int oI = -1;
                if (j - 1 >= lo) {
                    int open = Math.max(cm[j - 1], cd[j - 1]);
                    int ext = ci[j - 1];
                    if (open > NEG && open + GAP_OPEN + GAP_EXTEND >= ext + GAP_EXTEND) {
                        bestI = open + GAP_OPEN + GAP_EXTEND;
                        oI = cm[j - 1] >= cd[j - 1] ? cmo[j - 1] : cdo[j - 1];
                    } else if (ext > NEG) {
                        bestI = ext + GAP_EXTEND;
                        oI = cio[j - 1];
                    }
                }
                cm[j] = bestM;
                cmo[j] = oM;
                cd[j] = bestD;
                cdo[j] = oD;
                ci[j] = bestI;
                cio[j] = oI;
            }
            int[] t;
            t = pm; pm = cm; cm = t;
            t = pd; pd = cd; cd = t;
            t = pi; pi = ci; ci = t;
            t = pmo; pmo = cmo; cmo = t;
            t = pdo; pdo = cdo; cdo = t;
            t = pio; pio = cio; cio = t;
            prevLo = lo;
            prevHi = hi;
        }
        int best = NEG;
        int bestJ = -1;
        int bestO = -1;
        for (int j = prevLo; j <= prevHi; j++) {
            int s = Math.max(pm[j], pd[j]);
            if (s > best) {
                best = s;
                bestJ = j;
                bestO = pm[j] >= pd[j] ? pmo[j] : pdo[j];
            }
        }
        return bestJ < 0 || best <= NEG ? null : new Placement(bestO, bestJ, best);
    }

    /** A, C, G, T as 0..3; anything else (N, IUPAC, lower case already upper-cased) as 4. */
    static byte[] encode(String s) {
        byte[] out = new byte[s.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = code(s.charAt(i));
        }
        return out;
    }

    static byte code(char c) {
        return switch (c) {
            case 'A', 'a' -> 0;
            case 'C', 'c' -> 1;
            case 'G', 'g' -> 2;
            case 'T', 't' -> 3;
            default -> 4;
        };
    }
}
