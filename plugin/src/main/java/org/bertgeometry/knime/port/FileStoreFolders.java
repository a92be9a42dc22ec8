package org.bertgeometry.knime.port;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Clean-up of the folders our port objects write into file stores. A node that fails or is
 * cancelled deletes what it had written, so that no partial model or capture is left looking
 * complete.
 */
public final class FileStoreFolders {

    private FileStoreFolders() {
    }

    /** Deletes {@code dir} and everything below it; best effort, as the failed run's store is discarded anyway. */
    public static void deleteRecursively(final Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: KNIME discards the file store of a failed execution
        }
    }
}
