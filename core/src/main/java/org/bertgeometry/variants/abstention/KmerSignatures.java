package org.bertgeometry.variants.abstention;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The k-mer signature of each class (docs/methods.md, "Calibration and abstention"): the k-mers (all
 * overlapping ones, stride 1, A/C/G/T only, case ignored) that do not occur in the reference sequence and
 * occur in at least {@code minShare} of the class's training sequences. They are the class's defining
 * changes as the tokenizer's alphabet sees them, so a sequence that lacks most of its predicted class's
 * signature carries none of that lineage's mutations, whatever the classifier's softmax says. Cost:
 * fitting O(total length) hash operations, {@link #presentFraction} O(sequence length) lookups in the
 * signature, keeping only the hits.
 *
 * @param k        the k-mer length
 * @param minShare share of a class's training sequences a k-mer must occur in to join its signature
 * @param classes  per class index, its signature k-mers (upper case), sorted
 */
public record KmerSignatures(int k, double minShare, List<Set<String>> classes) {

    /** The k-mer length of the classifier's tokens. */
    public static final int DEFAULT_K = 12;

    /** "Present in at least half of that class's training sequences". */
    public static final double DEFAULT_MIN_SHARE = 0.5;

    public KmerSignatures {
        if (k < 1) {
            throw new IllegalArgumentException("k-mer length must be positive, got " + k);
        }
        if (!(minShare > 0 && minShare <= 1)) {
            throw new IllegalArgumentException("the share of sequences must lie in (0, 1], got " + minShare);
        }
        List<Set<String>> copy = new ArrayList<>(classes.size());
        for (Set<String> s : classes) {
            copy.add(Collections.unmodifiableSortedSet(new TreeSet<>(s)));
        }
        classes = List.copyOf(copy);
    }

    /**
     * The signatures of {@code classCount} classes from labelled training sequences; {@code labels[i]} is the
     * class index of {@code sequences.get(i)}. A class without sequences gets an empty signature.
     */
    public static KmerSignatures fit(String reference, List<String> sequences, int[] labels, int classCount, int k,
            double minShare) {
        if (sequences.size() != labels.length) {
            throw new IllegalArgumentException("need one label per sequence, got " + sequences.size()
                    + " sequences and " + labels.length + " labels");
        }
        Set<String> inReference = kmers(reference, k);
        List<Map<String, Integer>> counts = new ArrayList<>(classCount);
        int[] members = new int[classCount];
        for (int c = 0; c < classCount; c++) {
            counts.add(new HashMap<>());
        }
        for (int i = 0; i < labels.length; i++) {
            members[labels[i]]++;
            Map<String, Integer> m = counts.get(labels[i]);
            for (String kmer : kmers(sequences.get(i), k)) {
                if (!inReference.contains(kmer)) {
                    m.merge(kmer, 1, Integer::sum);
                }
            }
        }
        List<Set<String>> signatures = new ArrayList<>(classCount);
        for (int c = 0; c < classCount; c++) {
            Set<String> s = new HashSet<>();
            for (Map.Entry<String, Integer> e : counts.get(c).entrySet()) {
                if (e.getValue() >= minShare * members[c]) {
                    s.add(e.getKey());
                }
            }
            signatures.add(s);
        }
        return new KmerSignatures(k, minShare, signatures);
    }

    /**
     * The share of class {@code c}'s signature that occurs in {@code sequence}; 1 when the signature is empty
     * (a class identical to the reference has nothing to miss).
     */
    public double presentFraction(String sequence, int c) {
        Set<String> signature = classes.get(c);
        if (signature.isEmpty()) {
            return 1;
        }
        // only the signature k-mers the sequence holds are kept, not the sequence's whole k-mer set
        Set<String> found = new HashSet<>();
        forEachKmer(sequence, k, kmer -> {
            if (signature.contains(kmer)) {
                found.add(kmer);
            }
        });
        return found.size() / (double) signature.size();
    }

    /** The distinct upper-case k-mers of {@code sequence} made of A, C, G and T only. */
    static Set<String> kmers(String sequence, int k) {
        Set<String> out = new HashSet<>(Math.max(16, 2 * sequence.length()));
        forEachKmer(sequence, k, out::add);
        return out;
    }

    /** Hands every upper-case k-mer of {@code sequence} made of A, C, G and T only to {@code action}, in order. */
    private static void forEachKmer(String sequence, int k, Consumer<String> action) {
        String s = sequence.toUpperCase(Locale.ROOT);
        int validRun = 0; // length of the A/C/G/T run ending at i
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            validRun = ch == 'A' || ch == 'C' || ch == 'G' || ch == 'T' ? validRun + 1 : 0;
            if (validRun >= k) {
                action.accept(s.substring(i - k + 1, i + 1));
            }
        }
    }
}
