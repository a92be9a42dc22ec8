package org.bertgeometry.variants.fasta;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes {@link SequenceRecord}s as FASTA with lines of a fixed width (60 by default, like Biopython's
 * writer the paper used), optionally gzip-compressed; used to export simulated genomes or extracted
 * spikes so that other tools (and {@link FastaReader}) can read them.
 */
public final class FastaWriter implements Closeable {

    /** Default line width, as Biopython writes FASTA. */
    public static final int DEFAULT_LINE_WIDTH = 60;

    private final BufferedWriter out;
    private final int lineWidth;

    public FastaWriter(OutputStream out, int lineWidth) {
        if (lineWidth < 1) {
            throw new IllegalArgumentException("FASTA line width must be >= 1, got " + lineWidth);
        }
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII), 1 << 16);
        this.lineWidth = lineWidth;
    }

    /** Opens {@code file} for writing; gzip-compressed when the name ends in ".gz". */
    public static FastaWriter create(Path file) throws IOException {
        return create(file, DEFAULT_LINE_WIDTH);
    }

    /** Opens {@code file} for writing with {@code lineWidth} letters per line; gzip when the name ends in ".gz". */
    public static FastaWriter create(Path file, int lineWidth) throws IOException {
        if (lineWidth < 1) {
            throw new IllegalArgumentException("FASTA line width must be >= 1, got " + lineWidth);
        }
        OutputStream os = Files.newOutputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            os = new GZIPOutputStream(os, 1 << 16);
        }
        return new FastaWriter(os, lineWidth);
    }

    public void write(SequenceRecord r) throws IOException {
        out.write('>');
        out.write(r.id());
        if (!r.description().isEmpty()) {
            out.write(' ');
            out.write(r.description());
        }
        out.write('\n');
        String s = r.sequence();
        for (int i = 0; i < s.length(); i += lineWidth) {
            out.write(s, i, Math.min(lineWidth, s.length() - i));
            out.write('\n');
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
