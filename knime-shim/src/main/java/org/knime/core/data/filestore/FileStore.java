package org.knime.core.data.filestore;

import java.io.File;

/**
 * Shim of KNIME's {@code FileStore}: a file (or directory) owned by the workflow that outlives node execution and
 * is referenced, not copied, by port objects.
 */
public final class FileStore {
    private final File m_file;

    FileStore(final File file) {
        m_file = file;
    }

    public File getFile() {
        return m_file;
    }

    @Override
    public String toString() {
        return m_file.getAbsolutePath();
    }
}
