package org.bertgeometry.variants.spike;

import org.bertgeometry.variants.reference.SarsCov2Reference;
import org.bertgeometry.variants.sequence.Nucleotides;

/**
 * Emulation of the paper's spike reconstruction (paper-methods §2.3, §2.5, §2.6) for the CODE_COMPAT
 * convention: the genome as given is cut into 150-nt chunks from position 0, each chunk is "aligned"
 * by projecting it through one glocal alignment of the reference spike region (spike +/- 200 nt)
 * against the genome, and then the paper's SAM filters, truncations and concatenation are applied
 * literally, quirks included: strict inequalities that drop chunks ending exactly on the spike's
 * boundaries, truncation by reference offset, reference bases filling gaps with the base at the
 * previous end duplicated, the always-true tail append, SAM order for reverse-strand genomes and the
 * second reverse complement of reverse-strand chunks.
 *
 * <p>BWA-MEM itself is approximated (docs/case-study-data.md, "CODE_COMPAT"): a chunk is unmapped
 * when fewer than 30 of its bases match the reference (BWA's minimum score 30 with match +1), runs of
 * more than 5 N at a chunk's ends are soft-clipped (each N costs 1, clipping 5), and supplementary
 * alignments are not produced.
 */
final class PaperSpikeReconstruction {

    static final int CHUNK = 150;
    private static final int FLANK = 200;
    private static final int MIN_MATCHES = 30;
    private static final int CLIP_N_RUN = 5;
    private static final int S = SarsCov2Reference.SPIKE_START_1BASED - 1; // 0-based inclusive
    private static final int E = SarsCov2Reference.SPIKE_END_1BASED - 1; // 0-based inclusive

    private PaperSpikeReconstruction() {
    }

    /**
     * @param genome    the genome as given (its chunks are cut on this strand)
     * @param reverse   whether the spike is on the reverse strand of {@code genome}
     * @param start     clean spike start on the oriented (reference-orientation) genome
     * @param end       clean spike end (exclusive) on the oriented genome
     * @return the paper's spike string, or null when no chunk survives the filters
     */
    static String reconstruct(String refGenome, String genome, boolean reverse, String oriented, int start, int end,
            int band) {
        int len = genome.length();
        String refRegion = refGenome.substring(S - FLANK, E + 1 + FLANK);
        int regionOffset = S - FLANK; // reference coordinate of refRegion[0]
        int winStart = Math.max(0, start - FLANK - band);
        int winEnd = Math.min(len, end + FLANK + band);
        String win = oriented.substring(winStart, winEnd);
        int d0 = (start - FLANK) - winStart;
        int d1 = (end + FLANK) - winStart - refRegion.length();
        int[] refIdx = BandedAligner.alignedReferenceIndex(refRegion, win, Math.min(d0, d1) - band, Math.max(d0, d1) + band);
        if (refIdx == null) {
            return null;
        }
        String refSpike = refGenome.substring(S, E + 1);
        StringBuilder out = new StringBuilder(4_096);
        boolean first = true;
        int prevEnd = 0;
        for (int c0 = 0; c0 < len; c0 += CHUNK) {
            int c1 = Math.min(len, c0 + CHUNK); // the N padding of the last chunk never aligns
            // oriented positions of this chunk, in oriented order
            int o0 = reverse ? len - c1 : c0;
            int o1 = reverse ? len - c0 : c1;
            if (o1 <= winStart || o0 >= winEnd) {
                continue;
            }
            // soft-clip long N runs at both ends, then require 30 matching bases
            int a = Math.max(o0, winStart);
            int b = Math.min(o1, winEnd);
            a = clipStart(oriented, a, b);
            b = clipEnd(oriented, a, b);
            int matches = 0;
            int first0 = -1;
            int last0 = -1;
            for (int p = a; p < b; p++) {
                int r = refIdx[p - winStart];
                if (r < 0) {
                    continue;
                }
                if (first0 < 0) {
                    first0 = p;
                }
                last0 = p;
                if (oriented.charAt(p) == refRegion.charAt(r)) {
                    matches++;
                }
            }
            if (matches < MIN_MATCHES || first0 < 0) {
                continue;
            }
            // SAM: reference_start .. reference_end - 1, SEQ on the forward strand without clips
            int s = regionOffset + refIdx[first0 - winStart];
            int e = regionOffset + refIdx[last0 - winStart];
            String chunk = oriented.substring(first0, last0 + 1);
            boolean keep = (s < S && e > S) || (s > S && e < E) || (s < E && e > E);
            if (!keep) {
                continue;
            }
            if (reverse) {
                chunk = Nucleotides.reverseComplement(chunk); // the paper's bug: SEQ is already forward
            }
            if (s < S && S < e) {
                chunk = chunk.substring(Math.min(chunk.length(), S - s));
                s = S;
            } else if (s < E && E < e) {
                chunk = chunk.substring(0, Math.min(chunk.length(), E - s + 1));
                e = E;
            }
            int ps = s - S;
            int pe = e - S;
            if (first) {
                if (ps > 0) {
                    out.append(refSpike, 0, ps);
                }
                first = false;
            } else if (ps - prevEnd > 1) {
                out.append(refSpike, prevEnd, ps);
            }
            out.append(chunk);
            prevEnd = pe;
        }
        if (first) {
            return null;
        }
        out.append(refSpike, prevEnd, refSpike.length());
        return out.toString();
    }

    private static int clipStart(String s, int a, int b) {
        int p = a;
        while (p < b && s.charAt(p) == 'N') {
            p++;
        }
        return p - a > CLIP_N_RUN ? p : a;
    }

    private static int clipEnd(String s, int a, int b) {
        int p = b;
        while (p > a && s.charAt(p - 1) == 'N') {
            p--;
        }
        return b - p > CLIP_N_RUN ? p : b;
    }
}
