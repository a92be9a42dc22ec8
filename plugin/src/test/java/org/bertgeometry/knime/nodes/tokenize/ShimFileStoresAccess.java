package org.bertgeometry.knime.nodes.tokenize;

import java.nio.file.Path;

import org.knime.core.data.filestore.FileStore;
import org.bertgeometry.knime.testing.ShimFileStores;

/** Test helper: a file store for an existing folder. */
final class ShimFileStoresAccess {
    private ShimFileStoresAccess() {
    }

    static FileStore store(final Path folder) {
        return ShimFileStores.newFileStore(folder.toFile());
    }
}
