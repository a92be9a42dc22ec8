package org.bertgeometry.tokenize;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The token &lt;-&gt; id table of a BERT model: entry {@code i} of the list is the token with id
 * {@code i}, exactly as in a {@code vocab.txt} (line {@code i+1}) or in the list a checkpoint loader
 * returns. It is append-only: {@link #addTokens} grows it the way Hugging Face's {@code add_tokens}
 * does (new ids after the last one, in first-occurrence order, skipping tokens already present),
 * which is how the paper put its 33,289 k-mers after the 28,996 tokens of {@code bert-base-cased}.
 * The special tokens ([PAD], [UNK], [CLS], [SEP], [MASK]) are looked up by name; a tokenizer that
 * needs one that is absent fails with a message saying which.
 *
 * <p>Not thread-safe while tokens are being added; reading from several threads is safe once no
 * thread adds.
 */
public final class Vocabulary {

    public static final String PAD = "[PAD]";
    public static final String UNK = "[UNK]";
    public static final String CLS = "[CLS]";
    public static final String SEP = "[SEP]";
    public static final String MASK = "[MASK]";

    private final List<String> tokens;
    private final Map<String, Integer> ids;
    /** Longest token in UTF-16 units: lets WordPiece skip candidates that cannot match. */
    private int maxTokenLength;

    private Vocabulary(List<String> tokens, Map<String, Integer> ids) {
        this.tokens = tokens;
        this.ids = ids;
        for (String t : tokens) {
            maxTokenLength = Math.max(maxTokenLength, t.length());
        }
    }

    /**
     * A vocabulary whose token with id {@code i} is {@code tokens.get(i)}.
     *
     * @throws IllegalArgumentException if an entry is null or empty, or a token appears twice
     *                                  (two ids for one token would make lookups ambiguous)
     */
    public static Vocabulary of(List<String> tokens) {
        Objects.requireNonNull(tokens, "tokens");
        List<String> list = new ArrayList<>(tokens.size());
        Map<String, Integer> ids = new HashMap<>(tokens.size() * 2);
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t == null || t.isEmpty()) {
                throw new IllegalArgumentException("vocabulary entry " + i + " is "
                        + (t == null ? "null" : "empty") + "; every id needs a non-empty token");
            }
            Integer previous = ids.putIfAbsent(t, i);
            if (previous != null) {
                throw new IllegalArgumentException("vocabulary token '" + t + "' appears twice, at ids "
                        + previous + " and " + i + "; each token must have exactly one id");
            }
            list.add(t);
        }
        return new Vocabulary(list, ids);
    }

    /**
     * Reads a {@code vocab.txt}: one token per line, the line number minus one is the id. The file
     * must be valid UTF-8. The line terminator is {@code \n}; a {@code \r} before it is dropped too,
     * so that files saved on Windows read the same. A final line terminator does not add an entry.
     *
     * @throws TokenizerFormatException naming the file and line for invalid UTF-8, an empty line or a
     *                              duplicate token
     */
    public static Vocabulary read(Path vocabTxt) throws IOException {
        byte[] bytes = Files.readAllBytes(vocabTxt);
        return parse(bytes, vocabTxt);
    }

    /** As {@link #read(Path)}, from a stream; {@code sourceName} is used in error messages. */
    public static Vocabulary read(InputStream in, String sourceName) throws IOException {
        return parse(in.readAllBytes(), sourcePath(sourceName));
    }

    /** {@code name} as a path for error messages; names that are not valid paths are kept readable. */
    static Path sourcePath(String name) {
        try {
            return Path.of(name);
        } catch (java.nio.file.InvalidPathException e) {
            return Path.of(name.replaceAll("[^A-Za-z0-9._/-]", "_"));
        }
    }

    private static Vocabulary parse(byte[] bytes, Path source) throws TokenizerFormatException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new TokenizerFormatException(source, "is not valid UTF-8 (" + e.getMessage()
                    + "); save the vocabulary as UTF-8", e);
        }
        if (text.startsWith("\uFEFF")) {
            throw new TokenizerFormatException(source, "starts with a byte-order mark, which would become part"
                    + " of the first token; save the vocabulary as UTF-8 without BOM");
        }
        List<String> list = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        int start = 0;
        int line = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            line++;
            String token = text.substring(start, end);
            if (token.endsWith("\r")) {
                token = token.substring(0, token.length() - 1);
            }
            if (token.isEmpty()) {
                throw new TokenizerFormatException(source, "line " + line + " is empty; every line must hold"
                        + " one token (its id is the line number minus one)");
            }
            Integer previous = ids.putIfAbsent(token, line - 1);
            if (previous != null) {
                throw new TokenizerFormatException(source, "line " + line + ": token '" + token
                        + "' already appeared on line " + (previous + 1) + "; each token must appear once");
            }
            list.add(token);
            start = end + 1;
        }
        if (list.isEmpty()) {
            throw new TokenizerFormatException(source, "is empty; a vocabulary needs at least one token");
        }
        return new Vocabulary(list, ids);
    }

    /** Number of tokens, i.e. one more than the largest id. */
    public int size() {
        return tokens.size();
    }

    /** The token with this id. */
    public String token(int id) {
        if (id < 0 || id >= tokens.size()) {
            throw new IllegalArgumentException("token id " + id + " is outside the vocabulary [0, "
                    + tokens.size() + ")");
        }
        return tokens.get(id);
    }

    /** The id of {@code token}, or empty when it is not in the vocabulary. */
    public OptionalInt id(String token) {
        Integer id = ids.get(token);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /** The id of {@code token}, or {@code fallback} when it is absent (one map lookup). */
    public int idOrDefault(String token, int fallback) {
        Integer id = ids.get(token);
        return id == null ? fallback : id;
    }

    /** Length of the longest token, in UTF-16 code units. */
    public int maxTokenLength() {
        return maxTokenLength;
    }

    public boolean contains(String token) {
        return ids.containsKey(token);
    }

    /**
     * The id of a token the caller cannot work without (typically a special token).
     *
     * @throws IllegalStateException naming the token when it is absent
     */
    public int requireId(String token) {
        Integer id = ids.get(token);
        if (id == null) {
            throw new IllegalStateException("the vocabulary (" + tokens.size() + " tokens) has no '" + token
                    + "' token, which this tokenizer needs; use a vocabulary that contains it");
        }
        return id;
    }

    public int padId() {
        return requireId(PAD);
    }

    public int unkId() {
        return requireId(UNK);
    }

    public int clsId() {
        return requireId(CLS);
    }

    public int sepId() {
        return requireId(SEP);
    }

    public int maskId() {
        return requireId(MASK);
    }

    /**
     * Appends the tokens not yet present, in the order of their first occurrence in {@code newTokens},
     * as Hugging Face's {@code add_tokens} does; tokens already present keep their id.
     *
     * @return the new size of the vocabulary
     * @throws IllegalArgumentException for a null or empty token (nothing is added then)
     */
    public int addTokens(Collection<String> newTokens) {
        for (String t : newTokens) {
            if (t == null || t.isEmpty()) {
                throw new IllegalArgumentException("cannot add a " + (t == null ? "null" : "empty")
                        + " token to the vocabulary");
            }
        }
        for (String t : newTokens) {
            if (ids.putIfAbsent(t, tokens.size()) == null) {
                tokens.add(t);
                maxTokenLength = Math.max(maxTokenLength, t.length());
            }
        }
        return tokens.size();
    }

    /** A copy whose later additions do not affect this vocabulary. */
    public Vocabulary copy() {
        return new Vocabulary(new ArrayList<>(tokens), new HashMap<>(ids));
    }

    /** Read-only view of the tokens in id order. */
    public List<String> tokens() {
        return Collections.unmodifiableList(tokens);
    }

    /** Writes the vocabulary as {@code vocab.txt} (UTF-8, one token per line, id = line - 1). */
    public void write(Path vocabTxt) throws IOException {
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.indexOf('\n') >= 0 || t.endsWith("\r")) {
                throw new IllegalStateException("token " + i + " contains a line break and cannot be written"
                        + " to a one-token-per-line vocab.txt");
            }
        }
        Files.write(vocabTxt, tokens, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "Vocabulary[" + tokens.size() + " tokens]";
    }
}
