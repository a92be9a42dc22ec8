package org.knime.core.node;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bertgeometry.knime.testing.ShimFileStores;

import org.knime.core.data.DataTableSpec;
import org.knime.core.data.filestore.FileStore;

/**
 * Shim of KNIME's {@code ExecutionContext}: an {@link ExecutionMonitor} that also creates output tables (in
 * memory) and file stores (files below a temporary folder owned by the node). Tests create one with
 * {@code org.bertgeometry.knime.testing.ShimExecution}.
 */
public class ExecutionContext extends ExecutionMonitor {
    private final Path m_fileStoreRoot;
    private final Set<String> m_usedNames;

    ExecutionContext(final AtomicBoolean canceled, final List<Double> progressLog, final List<String> messageLog,
        final ExecutionMonitor parent, final double offset, final double scale, final Path fileStoreRoot,
        final Set<String> usedNames) {
        super(canceled, progressLog, messageLog, parent, offset, scale);
        m_fileStoreRoot = fileStoreRoot;
        m_usedNames = usedNames;
    }

    static ExecutionContext root(final Path fileStoreRoot) {
        return new ExecutionContext(new AtomicBoolean(), new java.util.ArrayList<>(), new java.util.ArrayList<>(),
            null, 0, 1, fileStoreRoot, new HashSet<>());
    }

    public BufferedDataContainer createDataContainer(final DataTableSpec spec) {
        return new BufferedDataContainer(spec);
    }

    public BufferedDataContainer createDataContainer(final DataTableSpec spec, final boolean initDomain) {
        return new BufferedDataContainer(spec);
    }

    public ExecutionContext createSubExecutionContext(final double maxProg) {
        return new ExecutionContext(canceledFlag(), progressLog(), messageLog(), this, currentProgress(), maxProg,
            m_fileStoreRoot, m_usedNames);
    }

    /**
     * Creates a file store; the file itself is not created. As in KNIME, clients may create a directory there.
     *
     * @param relativePath a name unique within this node execution
     * @return the new file store
     * @throws IOException if the name was already used or the folder cannot be created
     */
    public FileStore createFileStore(final String relativePath) throws IOException {
        synchronized (m_usedNames) {
            if (!m_usedNames.add(relativePath)) {
                throw new IOException("File store name already used: " + relativePath);
            }
        }
        Files.createDirectories(m_fileStoreRoot);
        File f = m_fileStoreRoot.resolve(relativePath).toFile();
        return ShimFileStores.newFileStore(f);
    }
}
