package org.bertgeometry.knime.workflows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Copies a folder tree byte for byte, as a user copying a workflow in a file manager would. Only JDK types, so
 * both sides of the suite use it: the JUnit side (copies of test-workflows/) and the test bundle inside KNIME
 * (which compiles it from here, see pom.xml).
 */
public final class FolderCopy {
    private FolderCopy() {
    }

    /** Copies {@code from} with everything below it to {@code to}, which must not exist yet. */
    public static void copy(final Path from, final Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
