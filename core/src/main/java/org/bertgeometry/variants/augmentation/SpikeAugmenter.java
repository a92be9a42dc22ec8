package org.bertgeometry.variants.augmentation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.bertgeometry.variants.simulation.Poisson;

/**
 * On-the-fly augmentation of training spikes with the artefacts of real sequences (docs/case-study-data.md,
 * "Training augmentation"): lineage differences reverted to the reference (a sequence lacking some
 * lineage mutations), private substitutions, rarely a private in-frame deletion of whole codons, and runs
 * of N from amplicon drop-outs. It needs no knowledge of the lineage table, so it works on any user's
 * labelled spikes: the revertible differences are the substitutions against the reference spike that lie
 * between two exact 12-mer matches on the same alignment diagonal, found once per sequence. Lineage indels
 * are kept, because reverting them would need an alignment. This is the project's own method, not the
 * paper's.
 */
public final class SpikeAugmenter {

    private static final int K = 12;
    private static final String ACGT = "ACGT";

    private final AugmentationSettings settings;
    private final List<String> spikes;
    private final List<int[]> revertPositions = new ArrayList<>();
    private final List<char[]> revertBases = new ArrayList<>();

    /**
     * @param referenceSpike the reference spike gene (reference orientation)
     * @param spikes         the training spikes, indexed as {@link #augment(int, SplittableRandom)} expects
     */
    public SpikeAugmenter(String referenceSpike, List<String> spikes, AugmentationSettings settings) {
        this.settings = settings;
        this.spikes = List.copyOf(spikes);
        Map<String, Integer> unique = uniqueKmers(referenceSpike.toUpperCase(Locale.ROOT));
        for (String s : this.spikes) {
            findRevertible(s.toUpperCase(Locale.ROOT), referenceSpike.toUpperCase(Locale.ROOT), unique);
        }
    }

    /** Number of differences of spike {@code i} that augmentation may revert to the reference. */
    public int revertibleDifferences(int i) {
        return revertPositions.get(i).length;
    }

    /** Spike {@code i}, perturbed with draws from {@code rng}; unchanged with probability 1 - share. */
    public String augment(int i, SplittableRandom rng) {
        String original = spikes.get(i);
        if (!(rng.nextDouble() < settings.share())) {
            return original;
        }
        char[] c = original.toCharArray();
        double presence = settings.minPresence() + (1 - settings.minPresence()) * rng.nextDouble();
        int[] pos = revertPositions.get(i);
        char[] bases = revertBases.get(i);
        for (int k = 0; k < pos.length; k++) {
            if (!(rng.nextDouble() < presence)) {
                c[pos[k]] = bases[k];
            }
        }
        int subs = Poisson.draw(c.length * settings.substitutionRate(), rng);
        for (int k = 0; k < subs; k++) {
            int p = rng.nextInt(c.length);
            int b = ACGT.indexOf(Character.toUpperCase(c[p]));
            if (b >= 0) {
                c[p] = ACGT.charAt((b + 1 + rng.nextInt(3)) % 4);
            }
        }
        StringBuilder s = new StringBuilder(new String(c));
        if (rng.nextDouble() < settings.deletionProbability()) {
            int codons = s.length() / 3;
            int len = 1 + rng.nextInt(settings.deletionMaxCodons());
            if (codons - 1 - len >= 1) {
                // whole codons counted from the start codon, never the first or the last codon
                int first = 1 + rng.nextInt(codons - 1 - len);
                s.delete(3 * first, 3 * (first + len));
            }
        }
        int runs = Poisson.draw(settings.nRunsMean(), rng);
        for (int k = 0; k < runs; k++) {
            int len = Math.min(s.length(), settings.nRunMinLength()
                    + rng.nextInt(settings.nRunMaxLength() - settings.nRunMinLength() + 1));
            int start = rng.nextInt(s.length() - len + 1);
            for (int p = start; p < start + len; p++) {
                s.setCharAt(p, 'N');
            }
        }
        return s.toString();
    }

    /** The 12-mers that occur exactly once in the reference spike, with their offset. */
    private static Map<String, Integer> uniqueKmers(String ref) {
        Map<String, Integer> first = new HashMap<>();
        Map<String, Integer> count = new HashMap<>();
        for (int o = 0; o + K <= ref.length(); o++) {
            String kmer = ref.substring(o, o + K);
            first.putIfAbsent(kmer, o);
            count.merge(kmer, 1, Integer::sum);
        }
        first.keySet().removeIf(kmer -> count.get(kmer) > 1);
        return first;
    }

    /**
     * Records the positions between two consecutive anchors on the same diagonal where {@code s} has
     * another ACGT base than the reference: there the two sequences are colinear, so the reference base
     * is known.
     */
    private void findRevertible(String s, String ref, Map<String, Integer> unique) {
        List<Integer> positions = new ArrayList<>();
        StringBuilder bases = new StringBuilder();
        int prevEnd = -1;
        int prevDiagonal = Integer.MIN_VALUE;
        for (int i = 0; i + K <= s.length(); i++) {
            Integer refOffset = unique.get(s.substring(i, i + K));
            if (refOffset == null) {
                continue;
            }
            int diagonal = i - refOffset;
            if (diagonal == prevDiagonal && i > prevEnd) {
                for (int j = prevEnd; j < i; j++) {
                    char r = ref.charAt(j - diagonal);
                    if (ACGT.indexOf(s.charAt(j)) >= 0 && s.charAt(j) != r) {
                        positions.add(j);
                        bases.append(r);
                    }
                }
            }
            prevEnd = i + K;
            prevDiagonal = diagonal;
        }
        revertPositions.add(positions.stream().mapToInt(Integer::intValue).toArray());
        revertBases.add(bases.toString().toCharArray());
    }
}
