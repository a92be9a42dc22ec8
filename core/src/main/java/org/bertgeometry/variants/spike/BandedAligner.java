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

    /**
     * The cells of reference row i that the band allows: window columns [lo(i), hi(i)] with j - i in
     * [dMin, dMax] and 0 <= j <= n (row 0 is the free start).
     */
    private record Band(int dMin, int dMax, int n) {
        int lo(int i) {
            return Math.max(0, i + dMin);
        }

        int hi(int i) {
            return Math.min(n, i + dMax);
        }

        boolean empty(int i) {
            return lo(i) > hi(i);
        }
    }

    private BandedAligner() {
    }

    /** A score row over window columns 0..n (and one past), every cell impossible until a path reaches it. */
    private static int[] impossible(int n) {
        int[] row = new int[n + 2];
        java.util.Arrays.fill(row, NEG);
        return row;
    }

    /** Score of reference base {@code rb} against window base {@code wb} (encoded; above 3 is not A/C/G/T). */
    private static int substitution(byte rb, byte wb) {
        return rb > 3 || wb > 3 ? AMBIGUOUS : rb == wb ? MATCH : MISMATCH;
    }

    /**
     * Aligns all of {@code ref} inside {@code win} along diagonals [dMin, dMax]. Returns null when no
     * path fits inside the band.
     */
    static Placement align(String ref, String win, int dMin, int dMax) {
        return fill(encode(ref), encode(win), dMin, dMax, null);
    }

    /**
     * As {@link #align} but also returns, for every window base, the reference index it is aligned to
     * (-1 for bases outside the alignment or inserted relative to the reference). Keeps a traceback of
     * one byte per band cell, O(reference length x band width) memory; used only by the CODE_COMPAT
     * reconstruction.
     */
    static int[] alignedReferenceIndex(String ref, String win, int dMin, int dMax) {
        int m = ref.length();
        int width = dMax - dMin + 1;
        byte[] trace = new byte[(m + 1) * width];
        Placement p = fill(encode(ref), encode(win), dMin, dMax, trace);
        if (p == null) {
            return null;
        }
        int[] refIndex = new int[win.length()];
        java.util.Arrays.fill(refIndex, -1);
        int i = m;
        int j = p.end();
        int state = 0; // 0 = H, 1 = F, 2 = E
        while (i > 0) {
            int bits = trace[i * width + (j - i - dMin)];
            if (state == 0) {
                int src = bits & 3;
                if (src == 0) {
                    refIndex[j - 1] = i - 1;
                    i--;
                    j--;
                } else {
                    state = src;
                }
            } else if (state == 1) {
                state = (bits & 4) != 0 ? 1 : 0;
                i--;
            } else {
                state = (bits & 8) != 0 ? 2 : 0;
                j--;
            }
        }
        return refIndex;
    }

    /**
     * The dynamic programme both alignments share: Gotoh's recurrences in the H/E/F form, where H is the best
     * score of a path ending at (i, j), E of one ending with a window base against a gap, F with a reference
     * base against a gap. Each cell carries the window column where its path started, so the placement needs
     * no traceback; where {@code trace} is given, it also gets one byte per band cell (bits 0-1: H's source
     * diagonal/F/E; bit 2: F extended; bit 3: E extended).
     */
    private static Placement fill(byte[] r, byte[] w, int dMin, int dMax, byte[] trace) {
        int m = r.length;
        int n = w.length;
        int width = dMax - dMin + 1;
        Band band = new Band(dMin, dMax, n);
        int[] ph = impossible(n), pf = impossible(n), pho = new int[n + 2], pfo = new int[n + 2];
        int[] ch = impossible(n), cf = impossible(n), cho = new int[n + 2], cfo = new int[n + 2];
        final int open = GAP_OPEN + GAP_EXTEND;
        if (band.empty(0)) {
            return null;
        }
        int prevLo = band.lo(0);
        int prevHi = band.hi(0);
        for (int j = prevLo; j <= prevHi; j++) {
            ph[j] = 0; // free start anywhere in the band: the path begins at column j
            pho[j] = j;
        }
        for (int i = 1; i <= m; i++) {
            if (band.empty(i)) {
                return null;
            }
            int lo = band.lo(i);
            int hi = band.hi(i);
            // cells of the previous row just outside its band must read as impossible
            if (prevHi + 1 <= n) {
                ph[prevHi + 1] = NEG;
                pf[prevHi + 1] = NEG;
            }
            byte rb = r[i - 1];
            int e = NEG;
            int eo = -1;
            for (int j = lo; j <= hi; j++) {
                int bits = 0;
                // F: ref[i-1] against a gap (bases deleted in the genome)
                int fOpen = ph[j] + open;
                int fExt = pf[j] + GAP_EXTEND;
                int f;
                int fo;
                if (fOpen >= fExt) {
                    f = fOpen;
                    fo = pho[j];
                } else {
                    f = fExt;
                    fo = pfo[j];
                    bits |= 4;
                }
                // E: win[j-1] against a gap (bases inserted in the genome)
                if (j > lo) {
                    int eOpen = ch[j - 1] + open;
                    int eExt = e + GAP_EXTEND;
                    if (eOpen >= eExt) {
                        e = eOpen;
                        eo = cho[j - 1];
                    } else {
                        e = eExt;
                        bits |= 8;
                    }
                }
                int h = NEG;
                int ho = -1;
                if (j >= 1 && j - 1 >= prevLo) {
                    h = ph[j - 1] + substitution(rb, w[j - 1]);
                    ho = pho[j - 1];
                }
                if (f > h) {
                    h = f;
                    ho = fo;
                    bits |= 1;
                }
                if (e > h) {
                    h = e;
                    ho = eo;
                    bits = (bits & ~3) | 2;
                }
                ch[j] = h < NEG ? NEG : h;
                cho[j] = ho;
                cf[j] = f < NEG ? NEG : f;
                cfo[j] = fo;
                if (trace != null) {
                    trace[i * width + (j - i - dMin)] = (byte) bits;
                }
            }
            int[] t;
            t = ph; ph = ch; ch = t;
            t = pf; pf = cf; cf = t;
            t = pho; pho = cho; cho = t;
            t = pfo; pfo = cfo; cfo = t;
            prevLo = lo;
            prevHi = hi;
        }
        int best = NEG;
        int bestJ = -1;
        int bestO = -1;
        for (int j = prevLo; j <= prevHi; j++) {
            if (ph[j] > best) {
                best = ph[j];
                bestJ = j;
                bestO = pho[j];
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
