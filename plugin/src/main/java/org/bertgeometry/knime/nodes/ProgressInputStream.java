package org.bertgeometry.knime.nodes;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read from a file (compressed bytes for a gzipped file), so that a reader node's progress is the
 * share of the file consumed without knowing how many records it holds.
 */
public final class ProgressInputStream extends FilterInputStream {

    private long m_bytesRead;

    public ProgressInputStream(final InputStream in) {
        super(in);
    }

    public long bytesRead() {
        return m_bytesRead;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            m_bytesRead++;
        }
        return b;
    }

    @Override
    public int read(final byte[] b, final int off, final int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            m_bytesRead += n;
        }
        return n;
    }

    @Override
    public long skip(final long n) throws IOException {
        long skipped = super.skip(n);
        m_bytesRead += skipped;
        return skipped;
    }
}
