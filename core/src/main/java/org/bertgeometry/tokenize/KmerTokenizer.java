package org.bertgeometry.tokenize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The paper's tokenizer for nucleotide sequences (reference code {@code seq2kmer} plus
 * {@code token_encode}; docs/tokenizers.md, "k-mer scheme"): overlapping k-mers from
 * {@link KmerSplitter}, each looked up as a whole token (no sub-word splitting; a miss gives [UNK]),
 * at most {@code maxLength - 2} of them, then {@code [CLS] k-mers [SEP]} right-padded with [PAD] to
 * exactly {@code maxLength}. Token type ids are all 0, the attention mask is 1 on [CLS], k-mers and
 * [SEP]. Defaults: k = 12, stride = 9, maxLength = 512. The amino acids a position covers, as the
 * paper's attention plots name them, are {@code geometry.KmerLabels}'s.
 */
public final class KmerTokenizer implements Tokenizer {

    public static final int DEFAULT_K = 12;
    public static final int DEFAULT_STRIDE = 9;
    public static final int DEFAULT_MAX_LENGTH = 512;

    private final Vocabulary vocab;
    private final KmerSplitter splitter;
    private final int maxLength;
    private final int unkId;
    private final int clsId;
    private final int sepId;
    private final int padId;

    /**
     * @throws IllegalStateException    if the vocabulary lacks [PAD], [UNK], [CLS] or [SEP]
     * @throws IllegalArgumentException if {@code maxLength < 2}
     */
    public KmerTokenizer(Vocabulary vocab, int k, int stride, int maxLength) {
        this.vocab = Objects.requireNonNull(vocab, "vocab");
        this.splitter = new KmerSplitter(k, stride);
        if (maxLength < 2) {
            throw new IllegalArgumentException("maxLength must leave room for [CLS] and [SEP] (at least 2), got "
                    + maxLength);
        }
        this.maxLength = maxLength;
        this.unkId = vocab.unkId();
        this.clsId = vocab.clsId();
        this.sepId = vocab.sepId();
        this.padId = vocab.padId();
    }

    /** k = 12, stride = 9, maxLength = 512, as in the paper. */
    public static KmerTokenizer paperDefaults(Vocabulary vocab) {
        return new KmerTokenizer(vocab, DEFAULT_K, DEFAULT_STRIDE, DEFAULT_MAX_LENGTH);
    }

    public int k() {
        return splitter.k();
    }

    public int stride() {
        return splitter.stride();
    }

    public KmerSplitter splitter() {
        return splitter;
    }

    @Override
    public Vocabulary vocabulary() {
        return vocab;
    }

    @Override
    public int maxLength() {
        return maxLength;
    }

    /** The lower-case k-mers of {@code sequence}, before lookup and truncation. */
    public List<String> kmers(String sequence) {
        return splitter.split(sequence);
    }

    /**
     * Encodes a sequence into exactly {@link #maxLength()} positions. The tokens of the result are
     * vocabulary tokens, so a k-mer not in the vocabulary appears as [UNK].
     */
    @Override
    public Encoding encode(String sequence) {
        List<String> kmers = splitter.split(Objects.requireNonNull(sequence, "sequence"));
        boolean truncated = kmers.size() > maxLength - 2;
        if (truncated) {
            kmers = kmers.subList(0, maxLength - 2);
        }
        int[] ids = new int[maxLength];
        int[] mask = new int[maxLength];
        List<String> tokens = new ArrayList<>(maxLength);
        ids[0] = clsId;
        tokens.add(Vocabulary.CLS);
        int pos = 1;
        for (String kmer : kmers) {
            int id = vocab.idOrDefault(kmer, unkId);
            ids[pos++] = id;
            tokens.add(vocab.token(id));
        }
        ids[pos++] = sepId;
        tokens.add(Vocabulary.SEP);
        Arrays.fill(mask, 0, pos, 1);
        Arrays.fill(ids, pos, maxLength, padId);
        while (tokens.size() < maxLength) {
            tokens.add(Vocabulary.PAD);
        }
        return new Encoding(tokens, ids, new int[maxLength], mask, truncated);
    }
}
