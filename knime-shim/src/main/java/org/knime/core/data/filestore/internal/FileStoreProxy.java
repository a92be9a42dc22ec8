package org.knime.core.data.filestore.internal;

/** Shim of KNIME's {@code FileStoreProxy}; only its callback type, which {@code FileStorePortObject} implements. */
public final class FileStoreProxy {
    private FileStoreProxy() {
    }

    /** Shim of KNIME's {@code FileStoreProxy.FlushCallback}; no members needed here. */
    public interface FlushCallback {
    }
}
