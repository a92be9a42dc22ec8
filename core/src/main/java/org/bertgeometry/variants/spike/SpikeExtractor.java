package org.bertgeometry.variants.spike;

import java.util.Arrays;
import java.util.Objects;

import org.bertgeometry.variants.fasta.SequenceRecord;
import org.bertgeometry.variants.reference.SarsCov2Reference;
import org.bertgeometry.variants.sequence.Nucleotides;

/**
 * Finds the spike gene in a whole SARS-CoV-2 genome and returns it in reference orientation with its
 * insertions and deletions. Replaces the paper's chunk / BWA-MEM / SAM-parsing / concatenation steps
 * (paper-methods §2.3-2.6), which fill gaps with reference bases and duplicate bases at chunk joins.
 *
 * <p>Two steps (docs/case-study-data.md, "Spike extraction"): (1) unique 15-mers of the reference spike
 * (both strands) hit the genome; the strand with more hits wins, hits off the median diagonal by more
 * than {@code maxLengthDifference} are discarded, and the first and last anchors predict the spike's
 * ends; (2) a banded global alignment ({@link BandedAligner}) of the reference spike against that
 * window, band = the anchored diagonals +/- {@code bandHalfWidth}, places the exact first and last
 * bases. The spike is the genome substring between them, so indels, N runs and private changes inside
 * it are kept verbatim. Genomes with too few anchors, ending inside the spike, mostly N, or of
 * implausible spike length are reported with a reason, never silently altered. A boundary that falls
 * inside an N run cannot be placed from the sequence; it is placed as if no indel were hidden under the
 * N's and the result's message says so. Immutable and thread-safe.
 */
public final class SpikeExtractor {

    private final String refSpike;
    private final SpikeAnchorIndex index;
    private final ExtractionOptions options;

    public SpikeExtractor(SarsCov2Reference reference, ExtractionOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.refSpike = reference.spike();
        this.index = new SpikeAnchorIndex(reference.genome(), refSpike, options.anchorK());
    }

    /** Extractor for the bundled reference with default options. */
    public static SpikeExtractor withDefaults() {
        return new SpikeExtractor(SarsCov2Reference.load(), ExtractionOptions.defaults());
    }

    public ExtractionOptions options() {
        return options;
    }

    /** Extracts the spike of one record (its sequence upper-case, as {@code FastaReader} returns it). */
    public SpikeExtraction extract(SequenceRecord record) {
        return extract(record.id(), record.sequence());
    }

    /**
     * As {@link #extract(SequenceRecord)} but fails with a message naming the record and the reason
     * when the genome yields no spike.
     */
    public String extractOrThrow(SequenceRecord record) {
        SpikeExtraction e = extract(record);
        if (!e.isOk()) {
            throw new IllegalArgumentException("record '" + record.id() + "': " + e.message());
        }
        return e.spike();
    }

    /** Extracts the spike of {@code genome}; {@code id} only labels the result. */
    public SpikeExtraction extract(String id, String genome) {
        int len = genome.length();
        int k = index.k();
        int mask = index.mask();
        int m = refSpike.length();
        // anchor hits as diagonals (genome position - spike offset) with their spike offsets, per strand
        long[] fwd = new long[64];
        long[] rev = new long[64];
        int nf = 0;
        int nr = 0;
        int code = 0;
        int valid = 0;
        for (int p = 0; p < len; p++) {
            int b = BandedAligner.code(genome.charAt(p));
            if (b > 3) {
                valid = 0;
                code = 0;
                continue;
            }
            code = ((code << 2) | b) & mask;
            if (++valid < k) {
                continue;
            }
            int start = p - k + 1;
            int o = index.forwardOffset(code);
            if (o >= 0) {
                if (nf == fwd.length) {
                    fwd = Arrays.copyOf(fwd, nf * 2);
                }
                fwd[nf++] = pack(start - o, o);
            }
            o = index.reverseOffset(code);
            if (o >= 0) {
                if (nr == rev.length) {
                    rev = Arrays.copyOf(rev, nr * 2);
                }
                // on the reverse-complemented genome this k-mer starts at len - start - k
                rev[nr++] = pack(len - start - k - o, o);
            }
        }
        boolean reverse = nr > nf;
        int hits = reverse ? nr : nf;
        if (hits < options.minAnchors()) {
            return SpikeExtraction.skipped(id, SpikeExtraction.Status.NOT_FOUND, "no spike gene found: " + Math.max(nf, nr)
                    + " anchor k-mers matched (need " + options.minAnchors() + "); the genome lacks the spike, is"
                    + " not SARS-CoV-2, or its spike is entirely masked");
        }
        long[] h = reverse ? rev : fwd;
        String oriented = reverse ? Nucleotides.reverseComplement(genome) : genome;

        long[] byDiag = Arrays.copyOf(h, hits);
        Arrays.sort(byDiag); // diag is in the high bits
        int medianDiag = diag(byDiag[hits / 2]);
        int firstOffset = Integer.MAX_VALUE;
        int lastOffset = -1;
        int startEst = 0;
        int endEst = 0;
        int dLo = Integer.MAX_VALUE;
        int dHi = Integer.MIN_VALUE;
        for (int i = 0; i < hits; i++) {
            int d = diag(h[i]);
            int o = offset(h[i]);
            if (Math.abs(d - medianDiag) > options.maxLengthDifference()) {
                continue;
            }
            dLo = Math.min(dLo, d);
            dHi = Math.max(dHi, d);
            if (o < firstOffset) {
                firstOffset = o;
                startEst = d;
            }
            if (o > lastOffset) {
                lastOffset = o;
                endEst = d + m;
            }
        }
        if (startEst < 0 || endEst > len) {
            return SpikeExtraction.skipped(id, SpikeExtraction.Status.PARTIAL, "partial genome: it "
                    + (startEst < 0 ? "starts" : "ends") + " inside the spike gene (anchored spike would span "
                    + startEst + ".." + endEst + " of a " + len + " nt genome)");
        }
        int w = options.bandHalfWidth();
        int[] bounds = boundariesFromAnchorSegments(oriented, firstOffset, startEst + firstOffset, lastOffset,
                endEst - m + lastOffset, w);
        if (bounds == null) {
            // the anchors did not pin the ends (e.g. a mutation created a stray anchor): align the whole spike
            int winStart = Math.max(0, Math.min(startEst, dLo) - w);
            int winEnd = Math.min(len, Math.max(endEst, dHi + m) + w);
            String window = oriented.substring(winStart, winEnd);
            BandedAligner.Placement p = BandedAligner.align(refSpike, window, dLo - winStart - w, dHi - winStart + w);
            if (p == null) {
                return SpikeExtraction.skipped(id, SpikeExtraction.Status.BAD_LENGTH,
                        "the spike could not be aligned inside the anchored band; the genome may be rearranged");
            }
            bounds = new int[] {winStart + p.start(), winStart + p.end()};
        }
        int s = bounds[0];
        int e = bounds[1];
        String spike = oriented.substring(s, e);
        double nFrac = Nucleotides.nFraction(spike);
        int gs = reverse ? len - e : s;
        int ge = reverse ? len - s : e;
        if (Math.abs(spike.length() - m) > options.maxLengthDifference()) {
            return new SpikeExtraction(id, SpikeExtraction.Status.BAD_LENGTH, null, reverse, gs, ge, nFrac,
                    "spike length " + spike.length() + " differs from the reference's " + m + " by more than "
                            + options.maxLengthDifference() + " nt");
        }
        if (nFrac > options.maxNFraction()) {
            return new SpikeExtraction(id, SpikeExtraction.Status.MOSTLY_N, null, reverse, gs, ge, nFrac,
                    String.format("spike is %.1f%% N (more than the allowed %.1f%%); too little sequence to classify",
                            100 * nFrac, 100 * options.maxNFraction()));
        }
        if (options.convention() == ExtractionConvention.CODE_COMPAT) {
            // paper-methods §2.6: the always-true tail test appends ref_spk[prev_end:], duplicating the last base
            spike = spike + refSpike.charAt(m - 1);
        }
        String note = "";
        if (oriented.charAt(s) == 'N' || oriented.charAt(e - 1) == 'N') {
            // N carries no position information: an indel hidden under the run would go unnoticed
            note = "a spike boundary lies inside an N run; it was placed assuming no indel under the N's";
        }
        return new SpikeExtraction(id, SpikeExtraction.Status.OK, spike, reverse, gs, ge, nFrac, note);
    }

    /**
     * Places the spike's first and last bases by aligning only the two end segments of the reference
     * spike, each pinned at its outermost anchor k-mer: ref[0, a + k) against the genome up to the end of
     * the first anchor (found at genome position pa), and ref[b, m) from the last anchor (at pb) on.
     * Everything between the anchors is taken verbatim from the genome, so the result equals that of a
     * global alignment whenever the anchors are true homologous positions; the check that each segment's
     * alignment ends exactly on its anchor guards that assumption. Returns null when the check fails.
     */
    private int[] boundariesFromAnchorSegments(String oriented, int a, int pa, int b, int pb, int w) {
        int k = index.k();
        int m = refSpike.length();
        int len = oriented.length();
        // start segment: window [ws, pa + k), anchor diagonal d0 = (pa - a) - ws
        int ws = Math.max(0, pa - a - w);
        String startWin = oriented.substring(ws, pa + k);
        int d0 = pa - a - ws;
        BandedAligner.Placement ps = BandedAligner.align(refSpike.substring(0, a + k), startWin, d0 - w, d0 + w);
        if (ps == null || ps.end() != startWin.length()) {
            return null;
        }
        // end segment: window [pb, we) against ref[b, m); the anchor sits on diagonal 0
        int we = Math.min(len, pb + (m - b) + w);
        String endWin = oriented.substring(pb, we);
        BandedAligner.Placement pe = BandedAligner.align(refSpike.substring(b), endWin, -w, w);
        if (pe == null || pe.start() != 0) {
            return null;
        }
        return new int[] {ws + ps.start(), pb + pe.end()};
    }

    private static long pack(int diag, int offset) {
        return ((long) diag << 32) | (offset & 0xffffffffL);
    }

    private static int diag(long packed) {
        return (int) (packed >> 32);
    }

    private static int offset(long packed) {
        return (int) packed;
    }
}
