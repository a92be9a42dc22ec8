package org.bertgeometry.knime.testing;

import java.io.File;
import java.io.IOException;
import java.util.List;

import org.knime.core.data.filestore.FileStore;
import org.knime.core.data.filestore.FileStorePortObject;

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
        return ShimInternals.construct(FileStore.class, new Class<?>[] {File.class}, file);
    }

    /** @return the file stores of the given port object, as the framework persists them */
    public static List<FileStore> fileStoresOf(final FileStorePortObject po) throws IOException {
        io(po, "flushToFileStore", new Class<?>[0]);
        return ShimInternals.callUnchecked(FileStorePortObject.class, po, "fileStores", new Class<?>[0]);
    }

    /** Re-attaches file stores to a deserialised port object and calls its postConstruct(), as KNIME does. */
    public static void attach(final FileStorePortObject po, final List<FileStore> stores) throws IOException {
        ShimInternals.callUnchecked(FileStorePortObject.class, po, "attachFileStores", new Class<?>[] {List.class},
            stores);
        io(po, "postConstruct", new Class<?>[0]);
    }

    private static void io(final FileStorePortObject po, final String name, final Class<?>[] types)
        throws IOException {
        try {
            ShimInternals.call(FileStorePortObject.class, po, name, types);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
