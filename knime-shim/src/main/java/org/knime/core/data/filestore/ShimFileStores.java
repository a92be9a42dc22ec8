package org.knime.core.data.filestore;

import java.io.File;
import java.io.IOException;
import java.util.List;

/**
 * NOT KNIME API: shim internals and test support. Creates file stores and plays the framework's part of
 * (de)serialising a {@link FileStorePortObject}: reading its file stores and re-attaching them to a freshly
 * deserialised instance before {@code postConstruct()}. Plugin main code must never use this class.
 */
public final class ShimFileStores {
    private ShimFileStores() {
    }

    /** @return a file store for the given file (the file is not created) */
    public static FileStore newFileStore(final File file) {
        return new FileStore(file);
    }

    /** @return the file stores of the given port object, as the framework persists them */
    public static List<FileStore> fileStoresOf(final FileStorePortObject po) throws IOException {
        po.flushToFileStore();
        return po.fileStores();
    }

    /** Re-attaches file stores to a deserialised port object and calls its postConstruct(), as KNIME does. */
    public static void attach(final FileStorePortObject po, final List<FileStore> stores) throws IOException {
        po.attachFileStores(stores);
        po.postConstruct();
    }
}
