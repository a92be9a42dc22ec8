package org.bertgeometry.variants.fasta;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;

/**
 * Streaming reader of nucleotide FASTA, plain or gzip-compressed (detected from the magic bytes
 * 0x1f 0x8b, not from the file name). It holds one record in memory at a time, so multi-gigabyte
 * GISAID exports can be processed with a {@link #stream()}.
 *
 * <p>Normalisation (docs/case-study-data.md, "FASTA reader"): lines may end in LF or CRLF and a record
 * may span any number of lines; the sequence is upper-cased (the canonical case of this project; the
 * tokenizer lower-cases k-mers itself, as the paper does); gap characters '-' and '.' and whitespace
 * are removed; U becomes T; IUPAC ambiguity codes are mapped to N or kept according to
 * {@link AmbiguityPolicy}. A record whose id was already seen is skipped and listed in
 * {@link #duplicateIds()} and {@link #warnings()} (the paper's reader skipped repeated headers too).
 * An empty record, a record with a character that is not a nucleotide code, an input that does not
 * start with '>' (binary data, a protein table...) and an input without records are errors
 * ({@link FastaFormatException}) naming the source, line and record id.
 */
public final class FastaReader implements Iterator<SequenceRecord>, Closeable {

    private static final String AMBIGUITY_CODES = "RYSWKMBDHV";

    private final BufferedReader in;
    private final String source;
    private final AmbiguityPolicy ambiguity;
    private final Set<String> seenIds = new HashSet<>();
    private final List<String> duplicateIds = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private String pendingHeader;
    private int pendingHeaderLine;
    private int lineNumber;
    private int recordsReturned;
    private SequenceRecord next;
    private boolean finished;

    private FastaReader(InputStream raw, String source, AmbiguityPolicy ambiguity) throws IOException {
        this.source = Objects.requireNonNull(source, "source");
        this.ambiguity = Objects.requireNonNull(ambiguity, "ambiguity");
        BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        InputStream decoded = (b0 == 0x1f && b1 == 0x8b) ? new GZIPInputStream(buffered, 1 << 16) : buffered;
        // ISO-8859-1 maps every byte to one char, so binary input is reported instead of failing decoding.
        this.in = new BufferedReader(new InputStreamReader(decoded, StandardCharsets.ISO_8859_1), 1 << 16);
        readFirstHeader();
    }

    /** Opens a file with the default ambiguity policy {@link AmbiguityPolicy#MAP_TO_N}. */
    public static FastaReader open(Path file) throws IOException {
        return open(file, AmbiguityPolicy.MAP_TO_N);
    }

    /** Opens a plain or gzip FASTA file. The caller must close the reader. */
    public static FastaReader open(Path file, AmbiguityPolicy ambiguity) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            return new FastaReader(raw, file.toString(), ambiguity);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /**
     * Reads from a stream (plain or gzip); {@code source} names it in error messages. Closing the
     * reader closes the stream.
     */
    public static FastaReader of(InputStream in, String source, AmbiguityPolicy ambiguity) throws IOException {
        return new FastaReader(in, source, ambiguity);
    }

    /** Reads every record of a file into a list; convenient for small files such as the reference. */
    public static List<SequenceRecord> readAll(Path file, AmbiguityPolicy ambiguity) throws IOException {
        try (FastaReader reader = open(file, ambiguity)) {
            List<SequenceRecord> all = new ArrayList<>();
            reader.forEachRemaining(all::add);
            return all;
        }
    }

    /** The remaining records as a sequential stream; closing the stream closes the reader. */
    public Stream<SequenceRecord> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(() -> {
                    try {
                        close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /** Ids of records skipped because their id had been seen before, in input order. */
    public List<String> duplicateIds() {
        return Collections.unmodifiableList(duplicateIds);
    }

    /** Human-readable warnings (one per skipped duplicate), in input order. */
    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    @Override
    public boolean hasNext() {
        if (next == null && !finished) {
            next = readRecord();
            if (next == null) {
                finished = true;
            }
        }
        return next != null;
    }

    @Override
    public SequenceRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more FASTA records in " + source);
        }
        SequenceRecord r = next;
        next = null;
        recordsReturned++;
        return r;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void readFirstHeader() throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            if (line.charAt(0) != '>') {
                throw new FastaFormatException(source + ": not a nucleotide FASTA file: line " + lineNumber
                        + " should start with '>' but starts with " + describe(line.charAt(0))
                        + (looksBinary(line) ? " (the file looks binary)" : "")
                        + ". Pass a FASTA file (plain or .gz) whose records start with a '>' header line.");
            }
            pendingHeader = line;
            pendingHeaderLine = lineNumber;
            return;
        }
        throw new FastaFormatException(source + ": the file contains no FASTA records (it is empty or blank)."
                + " Pass a FASTA file with at least one '>' header and sequence.");
    }

    private SequenceRecord readRecord() {
        try {
            while (pendingHeader != null) {
                String header = pendingHeader.substring(1).strip();
                int headerLine = pendingHeaderLine;
                pendingHeader = null;
                String id = header;
                String description = "";
                for (int i = 0; i < header.length(); i++) {
                    if (Character.isWhitespace(header.charAt(i))) {
                        id = header.substring(0, i);
                        description = header.substring(i + 1).strip();
                        break;
                    }
                }
                if (id.isEmpty()) {
                    throw new FastaFormatException(source + ": line " + headerLine
                            + ": a record header has no id (nothing after '>'). Give every record an id.");
                }
                StringBuilder seq = new StringBuilder(32_768);
                String line;
                while ((line = in.readLine()) != null) {
                    lineNumber++;
                    if (!line.isEmpty() && line.charAt(0) == '>') {
                        pendingHeader = line;
                        pendingHeaderLine = lineNumber;
                        break;
                    }
                    appendNormalised(line, seq, id);
                }
                if (seq.length() == 0) {
                    throw new FastaFormatException(source + ": record '" + id + "' (line " + headerLine
                            + ") has no nucleotides. Remove the empty record or supply its sequence.");
                }
                if (!seenIds.add(id)) {
                    duplicateIds.add(id);
                    warnings.add(source + ": record '" + id + "' (line " + headerLine
                            + ") repeats an earlier id and was skipped");
                    continue;
                }
                return new SequenceRecord(id, description, seq.toString());
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot read (after " + recordsReturned + " records): " + e.getMessage(), e);
        }
    }

    private void appendNormalised(String line, StringBuilder seq, String id) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            char u = (c >= 'a' && c <= 'z') ? (char) (c - 32) : c;
            switch (u) {
                case 'A', 'C', 'G', 'T', 'N' -> seq.append(u);
                case 'U' -> seq.append('T');
                case '-', '.', ' ', '\t', '\r' -> {
                    // gaps and stray whitespace carry no nucleotide
                }
                default -> {
                    if (AMBIGUITY_CODES.indexOf(u) >= 0) {
                        seq.append(ambiguity == AmbiguityPolicy.MAP_TO_N ? 'N' : u);
                    } else {
                        throw new FastaFormatException(source + ": record '" + id + "', line " + lineNumber
                                + ": " + describe(c) + " is not a nucleotide code"
                                + (looksBinary(line) ? " (the data looks binary)" : "")
                                + ". Only A, C, G, T, U, N, IUPAC ambiguity codes and gaps '-' are accepted;"
                                + " check that the file holds nucleotide (not protein) sequences.");
                    }
                }
            }
        }
    }

    private static String describe(char c) {
        if (c >= 0x21 && c < 0x7f) {
            return "character '" + c + "'";
        }
        return String.format("byte 0x%02x", (int) c);
    }

    private static boolean looksBinary(String line) {
        int controls = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\r') || c >= 0x7f) {
                controls++;
            }
        }
        return controls > 0;
    }
}
