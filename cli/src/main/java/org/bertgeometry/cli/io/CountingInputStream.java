package org.bertgeometry.cli.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream that counts the bytes read through it, so that a command streaming a file it
 * cannot count in records beforehand (a FASTA file of whole genomes) can report progress as the
 * share of the file's bytes consumed.
 */
public final class CountingInputStream extends FilterInputStream {

    private long count;

    /** Counts what is read from {@code in}. */
    public CountingInputStream(InputStream in) {
        super(in);
    }

    /** Bytes read so far. */
    public long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count += skipped;
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false; // a reset would make the count run ahead of the position
    }
}
