package org.bertgeometry.tokenize;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * BERT's text tokenizer, reproducing Hugging Face's {@code BertTokenizer} / Rust {@code tokenizers}
 * pipeline token for token: added (special) tokens are matched verbatim first, the rest goes through
 * {@link BertNormalizer}, {@link BertPreTokenizer} and {@link WordPieceModel}, then
 * {@code [CLS] A [SEP]} (or {@code [CLS] A [SEP] B [SEP]} with type ids 0/1) is built, truncated and
 * padded according to {@link EncodeOptions}. See docs/tokenizers.md for the behaviour in detail and
 * the parity evidence against the Rust implementation.
 *
 * <p>Immutable; build it with {@link #create(Vocabulary, boolean)} (the defaults of a
 * {@code vocab.txt}-based {@code BertTokenizer}) or {@link #fromTokenizerJson(Path)}.
 */
public final class WordPieceTokenizer implements Tokenizer {

    private final Vocabulary vocab;
    private final BertNormalizer normalizer;
    private final WordPieceModel model;
    private final List<AddedToken> rawAddedTokens;
    private final List<AddedToken> normalizedAddedTokens;
    private final String clsToken;
    private final String sepToken;
    private final String padToken;
    private final EncodeOptions options;

    /**
     * @param vocab       ids of the model's tokens
     * @param normalizer  text normalisation
     * @param model       sub-word splitting
     * @param addedTokens tokens matched verbatim before normalisation (or after it when
     *                    {@link AddedToken#normalized()}); their ids are used as given
     * @param clsToken    start token, must be in {@code vocab}
     * @param sepToken    separator/end token, must be in {@code vocab}
     * @param padToken    padding token, looked up only when padding
     * @param options     length handling
     */
    public WordPieceTokenizer(Vocabulary vocab, BertNormalizer normalizer, WordPieceModel model,
            List<AddedToken> addedTokens, String clsToken, String sepToken, String padToken, EncodeOptions options) {
        this.vocab = Objects.requireNonNull(vocab, "vocab");
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
        this.model = Objects.requireNonNull(model, "model");
        this.options = Objects.requireNonNull(options, "options");
        this.clsToken = clsToken;
        this.sepToken = sepToken;
        this.padToken = Objects.requireNonNull(padToken, "padToken");
        vocab.requireId(clsToken);
        vocab.requireId(sepToken);
        List<AddedToken> raw = new ArrayList<>();
        List<AddedToken> norm = new ArrayList<>();
        for (AddedToken t : addedTokens) {
            if (t.id() < 0 || t.id() >= vocab.size() || !vocab.token(t.id()).equals(t.content())) {
                throw new IllegalArgumentException("added token '" + t.content() + "' has id " + t.id()
                        + " but the vocabulary " + (vocab.contains(t.content())
                                ? "gives it id " + vocab.requireId(t.content()) : "does not contain it"));
            }
            (t.normalized() ? norm : raw).add(t);
        }
        this.rawAddedTokens = List.copyOf(raw);
        this.normalizedAddedTokens = List.copyOf(norm);
    }

    /**
     * The tokenizer Hugging Face's {@code BertTokenizer(vocab.txt, do_lower_case=lowercase)} builds:
     * {@link BertNormalizer#bert(boolean)}, {@link WordPieceModel#bert()}, the special tokens among
     * [PAD] [UNK] [CLS] [SEP] [MASK] that the vocabulary has as verbatim added tokens, and
     * {@link EncodeOptions#defaults()}.
     */
    public static WordPieceTokenizer create(Vocabulary vocab, boolean lowercase) {
        return create(vocab, BertNormalizer.bert(lowercase), EncodeOptions.defaults());
    }

    /**
     * As {@link #create(Vocabulary, boolean)} with an explicit normaliser and length handling
     * ({@link WordPieceModel#bert()}, [CLS]/[SEP]/[PAD], the specials present as added tokens).
     */
    public static WordPieceTokenizer create(Vocabulary vocab, BertNormalizer normalizer, EncodeOptions options) {
        List<AddedToken> specials = new ArrayList<>();
        for (String s : List.of(Vocabulary.PAD, Vocabulary.UNK, Vocabulary.CLS, Vocabulary.SEP, Vocabulary.MASK)) {
            vocab.id(s).ifPresent(id -> specials.add(new AddedToken(s, id, false)));
        }
        return new WordPieceTokenizer(vocab, normalizer, WordPieceModel.bert(), specials,
                Vocabulary.CLS, Vocabulary.SEP, Vocabulary.PAD, options);
    }

    /**
     * Reads a Hugging Face {@code tokenizer.json} whose model is WordPiece (see
     * {@link TokenizerJsonReader} for what is read and what is refused).
     */
    public static WordPieceTokenizer fromTokenizerJson(Path tokenizerJson) throws IOException {
        return TokenizerJsonReader.read(tokenizerJson);
    }

    /** As {@link #fromTokenizerJson(Path)}; {@code sourceName} is used in error messages. */
    public static WordPieceTokenizer fromTokenizerJson(InputStream in, String sourceName) throws IOException {
        return TokenizerJsonReader.read(in, sourceName);
    }

    /** The same tokenizer with other length handling. */
    public WordPieceTokenizer withOptions(EncodeOptions newOptions) {
        List<AddedToken> all = new ArrayList<>(rawAddedTokens);
        all.addAll(normalizedAddedTokens);
        return new WordPieceTokenizer(vocab, normalizer, model, all, clsToken, sepToken, padToken, newOptions);
    }

    public EncodeOptions options() {
        return options;
    }

    public BertNormalizer normalizer() {
        return normalizer;
    }

    public WordPieceModel model() {
        return model;
    }

    @Override
    public Vocabulary vocabulary() {
        return vocab;
    }

    @Override
    public int maxLength() {
        return options.maxLength();
    }

    @Override
    public String padToken() {
        return padToken;
    }

    /** The word pieces of {@code text}, without [CLS]/[SEP], truncation or padding. */
    public List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        tokenizeInto(text, out);
        return out;
    }

    private void tokenizeInto(String text, List<String> out) {
        Objects.requireNonNull(text, "text");
        for (Segment raw : AddedTokenSplitter.split(text, rawAddedTokens)) {
            if (raw.added() != null) {
                out.add(raw.added().content());
                continue;
            }
            String normalized = normalizer.normalize(raw.text());
            for (Segment seg : AddedTokenSplitter.split(normalized, normalizedAddedTokens)) {
                if (seg.added() != null) {
                    out.add(seg.added().content());
                    continue;
                }
                for (String word : BertPreTokenizer.split(seg.text())) {
                    model.split(word, vocab, out);
                }
            }
        }
    }

    /** {@code [CLS] text [SEP]}, type ids 0, truncated and padded per {@link #options()}. */
    @Override
    public Encoding encode(String text) {
        List<String> a = tokenize(text);
        boolean truncated = false;
        if (options.truncate() && a.size() + 2 > options.maxLength()) {
            requireRoom(2);
            a = a.subList(0, options.maxLength() - 2);
            truncated = true;
        }
        List<String> tokens = new ArrayList<>(a.size() + 2);
        tokens.add(clsToken);
        tokens.addAll(a);
        tokens.add(sepToken);
        return finish(tokens, new int[tokens.size()], truncated);
    }

    /**
     * {@code [CLS] a [SEP] b [SEP]} with type ids 0 up to the first [SEP] and 1 after it. When too
     * long, the longer side is cut first as the Rust implementation does it: if the shorter side
     * fits in half of the budget it is kept whole and the longer one gets the rest; otherwise the
     * first gets {@code floor(budget/2)} and the second the remainder (or vice versa when the first
     * is the longer).
     */
    public Encoding encodePair(String first, String second) {
        List<String> a = tokenize(first);
        List<String> b = tokenize(second);
        boolean truncated = false;
        if (options.truncate() && a.size() + b.size() + 3 > options.maxLength()) {
            requireRoom(3);
            int budget = options.maxLength() - 3;
            int n1 = a.size();
            int n2 = b.size();
            boolean swap = n1 > n2;
            if (swap) {
                int t = n1;
                n1 = n2;
                n2 = t;
            }
            n2 = n1 > budget ? n1 : Math.max(n1, budget - n1);
            if (n1 + n2 > budget) {
                n1 = budget / 2;
                n2 = n1 + budget % 2;
            }
            if (swap) {
                int t = n1;
                n1 = n2;
                n2 = t;
            }
            a = a.subList(0, Math.min(a.size(), n1));
            b = b.subList(0, Math.min(b.size(), n2));
            truncated = true;
        }
        List<String> tokens = new ArrayList<>(a.size() + b.size() + 3);
        tokens.add(clsToken);
        tokens.addAll(a);
        tokens.add(sepToken);
        int firstSegment = tokens.size();
        tokens.addAll(b);
        tokens.add(sepToken);
        int[] typeIds = new int[tokens.size()];
        for (int i = firstSegment; i < typeIds.length; i++) {
            typeIds[i] = 1;
        }
        return finish(tokens, typeIds, truncated);
    }

    /** Encodes pairs row by row and pads them to the longest row. */
    public BatchEncoding encodePairBatch(List<String> firsts, List<String> seconds) {
        if (firsts.size() != seconds.size()) {
            throw new IllegalArgumentException("pair batch needs as many first sentences (" + firsts.size()
                    + ") as second ones (" + seconds.size() + ")");
        }
        List<Encoding> rows = new ArrayList<>(firsts.size());
        int longest = 0;
        for (int i = 0; i < firsts.size(); i++) {
            Encoding e = encodePair(firsts.get(i), seconds.get(i));
            rows.add(e);
            longest = Math.max(longest, e.length());
        }
        List<Encoding> padded = new ArrayList<>(rows.size());
        for (Encoding e : rows) {
            padded.add(e.padTo(longest, padToken, vocab.requireId(padToken)));
        }
        return new BatchEncoding(padded);
    }

    private void requireRoom(int specials) {
        if (options.maxLength() < specials) {
            throw new IllegalArgumentException("maxLength " + options.maxLength() + " leaves no room for the "
                    + specials + " special tokens; use a maxLength of at least " + specials);
        }
    }

    private Encoding finish(List<String> tokens, int[] typeIds, boolean truncated) {
        int[] ids = new int[tokens.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = vocab.requireId(tokens.get(i));
        }
        int[] mask = new int[ids.length];
        java.util.Arrays.fill(mask, 1);
        Encoding e = new Encoding(tokens, ids, typeIds, mask, truncated);
        if (options.padToMaxLength() && e.length() < options.maxLength()) {
            e = e.padTo(options.maxLength(), padToken, vocab.requireId(padToken));
        }
        return e;
    }

    /** A piece of input: either plain text or one matched added token. */
    record Segment(String text, AddedToken added) {
    }
}
