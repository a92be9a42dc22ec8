package org.bertgeometry.cli.io;

import java.io.FilterInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.bertgeometry.report.table.CsvWriter;
import org.bertgeometry.variants.fasta.FastaWriter;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The Unix convention for file arguments: {@code -} names standard input where a command reads a
 * file and standard output where it writes one. Standard output is the command line's out writer
 * (so tests can capture it); standard input is {@link System#in}. Neither is closed when a command
 * is done with it. When standard output carries the result, the command's one-line summary goes to
 * standard error instead ({@link #summary}), so that the data stay clean for a pipe.
 */
public final class Stdio {

    /** The argument that stands for standard input or output. */
    public static final String DASH = "-";

    private Stdio() {
    }

    /** Whether {@code p} is {@code -}. */
    public static boolean isDash(Path p) {
        return p != null && p.toString().equals(DASH);
    }

    /** How error messages name {@code p}. */
    public static String name(Path p, boolean input) {
        return isDash(p) ? (input ? "standard input" : "standard output") : p.toString();
    }

    /** The bytes of {@code p}, or of standard input for {@code -}; the caller closes the stream. */
    public static InputStream open(Path p) throws IOException {
        if (isDash(p)) {
            return new FilterInputStream(System.in) {
                @Override
                public void close() {
                    // standard input belongs to the process, not to this command
                }
            };
        }
        if (!Files.isRegularFile(p)) {
            throw new NoSuchFileException(p.toString(), null, "no such file");
        }
        return Files.newInputStream(p);
    }

    /**
     * UTF-8 text of {@code p}, or of standard input for {@code -}; the caller closes the reader. Bytes
     * that are not UTF-8 (a file saved as Latin-1 or "CSV" by an old spreadsheet) fail with a message
     * that names the input and the fix, not the decoder's "Input length = 1".
     */
    public static Reader reader(Path p) throws IOException {
        String name = name(p, true);
        return new FilterReader(new InputStreamReader(open(p), StandardCharsets.UTF_8.newDecoder())) {
            @Override
            public int read(char[] buf, int off, int len) throws IOException {
                try {
                    return super.read(buf, off, len);
                } catch (CharacterCodingException e) {
                    throw notUtf8(name, e);
                }
            }

            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (CharacterCodingException e) {
                    throw notUtf8(name, e);
                }
            }
        };
    }

    private static IOException notUtf8(String name, CharacterCodingException e) {
        return new IOException(name + ": not UTF-8 text; save it as UTF-8 (in a spreadsheet: \"CSV UTF-8\") or "
                + "convert it, e.g. iconv -f latin1 -t utf-8", e);
    }

    /** A CSV writer onto {@code p}, or onto the command's standard output for {@code -}. */
    public static CsvWriter csv(Path p, CommandSpec spec) throws IOException {
        return isDash(p) ? CsvWriter.onto(spec.commandLine().getOut()) : CsvWriter.create(p);
    }

    /**
     * A FASTA writer onto {@code p} (gzip for a {@code .gz} name, parent folders created), or onto the
     * command's standard output for {@code -}, which closing the writer flushes but leaves open.
     */
    public static FastaWriter fasta(Path p, CommandSpec spec) throws IOException {
        return fasta(p, spec, FastaWriter.DEFAULT_LINE_WIDTH);
    }

    /** As {@link #fasta(Path, CommandSpec)}, with {@code lineWidth} letters per sequence line. */
    public static FastaWriter fasta(Path p, CommandSpec spec, int lineWidth) throws IOException {
        if (!isDash(p)) {
            Path parent = p.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return FastaWriter.create(p, lineWidth);
        }
        PrintWriter out = spec.commandLine().getOut();
        return new FastaWriter(new OutputStream() {
            // FastaWriter encodes US-ASCII, so each byte is one character
            @Override
            public void write(int b) {
                out.write(b & 0xFF);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                char[] c = new char[len];
                for (int i = 0; i < len; i++) {
                    c[i] = (char) (b[off + i] & 0xFF);
                }
                out.write(c);
            }

            @Override
            public void flush() {
                out.flush();
            }

            @Override
            public void close() {
                out.flush();
            }
        }, lineWidth);
    }

    /** Where the one-line summary of a command that wrote {@code output} goes: stderr when stdout holds data. */
    public static PrintWriter summary(Path output, CommandSpec spec) {
        return isDash(output) ? spec.commandLine().getErr() : spec.commandLine().getOut();
    }
}
