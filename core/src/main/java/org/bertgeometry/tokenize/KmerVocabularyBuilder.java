package org.bertgeometry.tokenize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the k-mers that occur in a set of sequences and turns them into vocabulary entries, the
 * way the paper did for its training split: k-mers (same {@link KmerSplitter} rule, so also
 * lower-cased and 'N'-padded) counted over all sequences, kept if they occur at least
 * {@code minCount} times (paper: any occurrence, i.e. 1), in order of first occurrence. They can be
 * appended to an existing vocabulary ({@link #addTo}, the paper's way: 28,996 bert-base-cased
 * tokens, then 33,289 k-mers from id 28,996) or form a vocabulary of their own after the five
 * special tokens ({@link #buildStandalone}).
 *
 * <p>Mutable accumulator; not thread-safe.
 */
public final class KmerVocabularyBuilder {

    private final KmerSplitter splitter;
    private final int minCount;
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    /** @param minCount smallest number of occurrences for a k-mer to be kept, at least 1 */
    public KmerVocabularyBuilder(int k, int stride, int minCount) {
        this.splitter = new KmerSplitter(k, stride);
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be at least 1, got " + minCount);
        }
        this.minCount = minCount;
    }

    /** k = 12, stride = 9, minCount = 1, as in the paper. */
    public static KmerVocabularyBuilder paperDefaults() {
        return new KmerVocabularyBuilder(KmerTokenizer.DEFAULT_K, KmerTokenizer.DEFAULT_STRIDE, 1);
    }

    /** Counts the k-mers of one sequence. */
    public KmerVocabularyBuilder add(String sequence) {
        for (String kmer : splitter.split(sequence)) {
            counts.merge(kmer, 1, Integer::sum);
        }
        return this;
    }

    /** Counts the k-mers of every sequence, in iteration order. */
    public KmerVocabularyBuilder addAll(Iterable<String> sequences) {
        for (String s : sequences) {
            add(s);
        }
        return this;
    }

    /** How often {@code kmer} occurred so far. */
    public int count(String kmer) {
        return counts.getOrDefault(kmer, 0);
    }

    /** The k-mers seen at least {@code minCount} times, in order of first occurrence. */
    public List<String> kmers() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() >= minCount) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    /**
     * Appends the kept k-mers to {@code base} (skipping any already present, as Hugging Face's
     * {@code add_tokens} does).
     *
     * @return the new vocabulary size
     */
    public int addTo(Vocabulary base) {
        return base.addTokens(kmers());
    }

    /** A new vocabulary: [PAD]=0, [UNK]=1, [CLS]=2, [SEP]=3, [MASK]=4, then the kept k-mers. */
    public Vocabulary buildStandalone() {
        Vocabulary v = Vocabulary.of(List.of(Vocabulary.PAD, Vocabulary.UNK, Vocabulary.CLS, Vocabulary.SEP,
                Vocabulary.MASK));
        addTo(v);
        return v;
    }
}
