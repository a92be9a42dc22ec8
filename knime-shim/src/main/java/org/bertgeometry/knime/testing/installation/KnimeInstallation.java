package org.bertgeometry.knime.testing.installation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the real KNIME core that tests compare with lives: the {@code plugins/} folder of the installation named
 * by {@code -Dknime.home=<installation>}, or else {@code ../shared/knime-runtime/plugins} next to the repository
 * (what CI has). Tests that need the real core skip with {@link #ABSENT_MESSAGE} when neither exists. Nothing is
 * ever copied from that folder: classes are read in place.
 *
 * @param pluginsFolder the folder holding the installation's bundles
 */
public record KnimeInstallation(Path pluginsFolder) {

    /** The one line a skipped test prints when no real KNIME is found. */
    public static final String ABSENT_MESSAGE = "No real KNIME found (neither -Dknime.home=<installation> nor "
        + "../shared/knime-runtime/plugins next to the repository): real-KNIME check skipped";

    /**
     * Finds the installation for a test running with working directory {@code workingDirectory} (a module of this
     * repository).
     *
     * @param workingDirectory a folder inside the repository checkout
     * @return the installation, or empty when none is configured or present
     * @throws IllegalStateException when {@code -Dknime.home} is set but has no {@code plugins/} folder
     */
    public static Optional<KnimeInstallation> find(final Path workingDirectory) {
        return find(workingDirectory, System.getProperty("knime.home"));
    }

    /** {@link #find(Path)} with the value of {@code -Dknime.home} given (null when unset). */
    static Optional<KnimeInstallation> find(final Path workingDirectory, final String home) {
        if (home != null && !home.isBlank()) {
            Path plugins = Path.of(home).resolve("plugins");
            if (!Files.isDirectory(plugins)) {
                throw new IllegalStateException("-Dknime.home=" + home + " has no plugins/ folder: point it at the "
                    + "folder of a KNIME installation (the one containing plugins/)");
            }
            return Optional.of(new KnimeInstallation(plugins));
        }
        for (Path dir = workingDirectory.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                Path plugins = dir.resolveSibling("shared").resolve("knime-runtime").resolve("plugins");
                return Files.isDirectory(plugins) ? Optional.of(new KnimeInstallation(plugins)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The installation for a test running in the current working directory ({@link #find(Path)}); when there is
     * none, prints {@link #ABSENT_MESSAGE} so that the build log says why the test is skipped.
     */
    public static Optional<KnimeInstallation> findForTest() {
        Optional<KnimeInstallation> found = find(Path.of(""));
        if (found.isEmpty()) {
            System.out.println(ABSENT_MESSAGE);
        }
        return found;
    }
}
