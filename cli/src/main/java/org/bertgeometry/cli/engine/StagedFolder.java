package org.bertgeometry.cli.engine;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * An output folder that is built under a hidden temporary sibling name ({@code .NAME.partial-*}) and
 * renamed to its real name only by {@link #commit()}, so that a run that fails half way never leaves a
 * folder that looks complete. {@link #close()} without a commit deletes the temporary folder. The
 * target must not exist yet or be an empty folder; anything else is refused before any work starts,
 * so that existing results are never mixed with or replaced by new ones.
 */
final class StagedFolder implements AutoCloseable {

    private final Path target;
    private final Path staging;
    private boolean committed;

    private StagedFolder(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /**
     * Checks {@code target} and creates the temporary sibling (and missing parent folders).
     *
     * @param option the command-line option that named the folder, for the error message
     * @throws IllegalArgumentException when {@code target} is a file or a non-empty folder
     */
    static StagedFolder create(Path target, String option) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        if (abs.getFileName() == null) {
            throw new IllegalArgumentException(option + " " + target + ": give a folder below the root");
        }
        if (Files.exists(abs)) {
            if (!Files.isDirectory(abs)) {
                throw new IllegalArgumentException(target + " (" + option + ") exists and is not a folder; "
                        + "give a new folder name");
            }
            if (!isEmpty(abs)) {
                throw new IllegalArgumentException(target + " (" + option + ") already exists and is not empty; "
                        + "remove it or give a new folder name");
            }
        }
        Files.createDirectories(abs.getParent());
        Path staging = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".partial-");
        return new StagedFolder(abs, staging);
    }

    /** Where to write the folder's content until {@link #commit()}. */
    Path staging() {
        return staging;
    }

    /** Moves the finished content to the target name. */
    void commit() throws IOException {
        if (Files.isDirectory(target)) {
            // empty when create() checked it; delete() refuses if something appeared since
            Files.delete(target);
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staging, target);
        }
        committed = true;
    }

    /** Deletes the temporary folder unless it was committed. */
    @Override
    public void close() throws IOException {
        if (committed || !Files.exists(staging)) {
            return;
        }
        Files.walkFileTree(staging, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
