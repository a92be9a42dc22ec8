package org.bertgeometry.knime.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The KNIME whose core the suite runs in: the {@code plugins/} folder of {@code -Dknime.home=<installation>} when
 * that property is set, otherwise {@code ../shared/knime-runtime/plugins} next to the checkout (the real KNIME
 * 5.5 core that CI provides). Both are read only; everything the framework writes goes under target/.
 *
 * @param plugins the folder holding KNIME's bundles
 * @param framework the Equinox jar among them ({@code org.eclipse.osgi_*.jar}), which starts the framework
 */
record KnimeInstallation(Path plugins, Path framework) {

    /** @return the installation, or a one-line reason why there is none */
    static Found find() {
        String home = System.getProperty("knime.home", "");
        Path plugins = home.isBlank() ? Path.of(System.getProperty("knime.runtime.default"), "plugins")
            : Path.of(home, "plugins");
        if (!Files.isDirectory(plugins)) {
            return new Found(Optional.empty(), "no KNIME found: " + plugins.toAbsolutePath().normalize()
                + " does not exist (set -Dknime.home=<KNIME installation> to run the real-KNIME suite)");
        }
        try (Stream<Path> s = Files.list(plugins)) {
            List<Path> osgi = s.filter(p -> p.getFileName().toString().startsWith("org.eclipse.osgi_")
                && p.getFileName().toString().endsWith(".jar")).toList();
            if (osgi.size() != 1) {
                return new Found(Optional.empty(), "no KNIME found: " + plugins + " holds " + osgi.size()
                    + " org.eclipse.osgi_*.jar files, expected exactly one");
            }
            return new Found(Optional.of(new KnimeInstallation(plugins, osgi.get(0))), "");
        } catch (IOException e) {
            return new Found(Optional.empty(), "no KNIME found: cannot list " + plugins + ": " + e);
        }
    }

    /** The result of {@link #find()}: an installation, or why there is none. */
    record Found(Optional<KnimeInstallation> installation, String reason) {
    }

    /** @return every bundle jar of the installation except the framework itself, in name order */
    List<Path> bundles() throws IOException {
        try (Stream<Path> s = Files.list(plugins)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jar") && !p.equals(framework)).sorted()
                .toList();
        }
    }
}
