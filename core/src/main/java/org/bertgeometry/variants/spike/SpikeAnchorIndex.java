package org.bertgeometry.variants.spike;

import java.util.HashMap;
import java.util.Map;

import org.bertgeometry.variants.sequence.Nucleotides;

/**
 * The k-mers of the reference spike that occur exactly once in the reference genome (counting both
 * strands), each with its offset in the spike, stored for both orientations in small open-addressing
 * tables. A genome's k-mer that hits this index says where the spike is and on which strand.
 */
final class SpikeAnchorIndex {

    private final int k;
    private final int mask;
    private final int[] keys;
    private final int[] forwardOffset; // spike offset of a forward hit, or -1
    private final int[] reverseOffset; // spike offset whose reverse complement this k-mer is, or -1
    private final int size;

    SpikeAnchorIndex(String genome, String spike, int k) {
        if (k < 8 || k > 15) {
            throw new IllegalArgumentException("anchor k-mer length must be in 8..15, got " + k);
        }
        this.k = k;
        this.mask = (1 << (2 * k)) - 1;
        Map<Integer, Integer> counts = new HashMap<>();
        countKmers(genome, counts);
        countKmers(Nucleotides.reverseComplement(genome), counts);
        Map<Integer, Integer> fwd = new HashMap<>();
        Map<Integer, Integer> rev = new HashMap<>();
        String rcSpike = Nucleotides.reverseComplement(spike);
        for (int o = 0; o + k <= spike.length(); o++) {
            int code = codeAt(spike, o);
            if (code >= 0 && counts.getOrDefault(code, 0) == 1) {
                fwd.put(code, o);
                // the same k-mer read on the other strand starts at spike.length() - o - k in rcSpike
                int rc = codeAt(rcSpike, spike.length() - o - k);
                rev.put(rc, o);
            }
        }
        int cap = Integer.highestOneBit(Math.max(16, 4 * (fwd.size() + rev.size()))) * 2;
        keys = new int[cap];
        forwardOffset = new int[cap];
        reverseOffset = new int[cap];
        java.util.Arrays.fill(keys, -1);
        java.util.Arrays.fill(forwardOffset, -1);
        java.util.Arrays.fill(reverseOffset, -1);
        fwd.forEach((code, o) -> forwardOffset[slot(code)] = o);
        rev.forEach((code, o) -> reverseOffset[slot(code)] = o);
        size = fwd.size();
    }

    int k() {
        return k;
    }

    /** Number of unique forward anchors. */
    int size() {
        return size;
    }

    int forwardOffset(int code) {
        int s = find(code);
        return s < 0 ? -1 : forwardOffset[s];
    }

    int reverseOffset(int code) {
        int s = find(code);
        return s < 0 ? -1 : reverseOffset[s];
    }

    int mask() {
        return mask;
    }

    private int slot(int code) {
        int s = hash(code);
        while (keys[s] != -1 && keys[s] != code) {
            s = (s + 1) & (keys.length - 1);
        }
        keys[s] = code;
        return s;
    }

    private int find(int code) {
        int s = hash(code);
        while (keys[s] != -1) {
            if (keys[s] == code) {
                return s;
            }
            s = (s + 1) & (keys.length - 1);
        }
        return -1;
    }

    private int hash(int code) {
        return (code * 0x9E3779B1 >>> 7) & (keys.length - 1);
    }

    private void countKmers(String s, Map<Integer, Integer> counts) {
        int code = 0;
        int valid = 0;
        for (int p = 0; p < s.length(); p++) {
            int b = BandedAligner.code(s.charAt(p));
            if (b > 3) {
                valid = 0;
                code = 0;
                continue;
            }
            code = ((code << 2) | b) & mask;
            if (++valid >= k) {
                counts.merge(code, 1, Integer::sum);
            }
        }
    }

    private int codeAt(String s, int from) {
        int code = 0;
        for (int p = from; p < from + k; p++) {
            int b = BandedAligner.code(s.charAt(p));
            if (b > 3) {
                return -1;
            }
            code = (code << 2) | b;
        }
        return code;
    }
}
