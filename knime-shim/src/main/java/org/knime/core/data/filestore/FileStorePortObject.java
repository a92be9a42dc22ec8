package org.knime.core.data.filestore;

import org.knime.core.data.filestore.internal.FileStoreProxy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.knime.core.node.port.PortObject;

/**
 * Shim of KNIME's {@code FileStorePortObject}: a port object whose bulk data lives in file stores, so that saving
 * a workflow or copying the object does not rewrite it. The framework re-attaches the file stores after
 * deserialisation and then calls {@link #postConstruct()}.
 */
public abstract class FileStorePortObject implements FileStoreProxy.FlushCallback, PortObject {
    private List<FileStore> m_fileStores;

    protected FileStorePortObject(final List<FileStore> fileStores) {
        m_fileStores = new ArrayList<>(fileStores);
    }

    protected FileStorePortObject() {
        m_fileStores = null;
    }

    protected FileStore getFileStore(final int index) {
        if (m_fileStores == null) {
            throw new IllegalStateException("File stores are not attached yet (called from the deserialization"
                + " constructor?)");
        }
        return m_fileStores.get(index);
    }

    protected int getFileStoreCount() {
        return m_fileStores == null ? 0 : m_fileStores.size();
    }

    protected void postConstruct() throws IOException {
    }

    protected void flushToFileStore() throws IOException {
    }

    List<FileStore> fileStores() {
        return List.copyOf(m_fileStores);
    }

    void attachFileStores(final List<FileStore> stores) {
        m_fileStores = new ArrayList<>(stores);
    }
}
