package org.bertgeometry.knime.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

import org.bertgeometry.knime.testing.installation.InstallationClasses;
import org.bertgeometry.knime.testing.installation.KnimeInstallation;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.knime.core.node.NodeModel;

/**
 * The plugin's main sources, unchanged, compile against the real KNIME core: every class visible to the real
 * {@code org.knime.core} bundle (read in place from the installation, {@link KnimeInstallation}) replaces the
 * shim on the compiler's class path; the plugin's other dependencies (core and its libraries) stay. Output goes
 * to {@code target/real-knime-classes} and is never packaged. Skipped with one line when no real KNIME is found.
 */
class CompilesAgainstRealKnimeTest {

    @Test
    void mainSourcesCompileAgainstTheRealKnimeCore() throws Exception {
        Optional<KnimeInstallation> installation = KnimeInstallation.findForTest();
        Assumptions.assumeTrue(installation.isPresent(), KnimeInstallation.ABSENT_MESSAGE);
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        Path out = Path.of("target/real-knime-classes");
        deleteRecursively(out);
        Files.createDirectories(out);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ok;
        try (InstallationClasses knime = InstallationClasses.visibleTo(installation.get(), "org.knime.core");
            StandardJavaFileManager standard =
                javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            standard.setLocationFromPaths(StandardLocation.CLASS_PATH, classPathWithoutShim());
            standard.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(out));
            ok = javac.getTask(null, new InstallationFileManager(standard, knime), diagnostics,
                List.of("--release", "17", "-proc:none", "-implicit:none", "-Xlint:none", "-nowarn"), null,
                standard.getJavaFileObjectsFromPaths(sources)).call();
            System.out.printf("Plugin main sources (%d files) compiled against real KNIME in %s (%d bundles): %s%n",
                sources.size(), installation.get().pluginsFolder(), knime.bundles().size(),
                ok ? "0 errors" : "FAILED");
        }
        List<String> errors = diagnostics.getDiagnostics().stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
            .map(d -> (d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ")
                + d.getMessage(null))
            .toList();
        assertEquals(List.of(), errors, () -> "The plugin does not compile against real KNIME:\n"
            + String.join("\n", errors));
        assertTrue(ok, "javac reported failure without an error diagnostic");
        assertTrue(sources.size() > 10, "plugin sources not found: " + sources.size());
    }

    /** The test class path minus the shim and this module's own compiled classes. */
    private static List<Path> classPathWithoutShim() throws URISyntaxException {
        Path shim = Path.of(NodeModel.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toAbsolutePath().normalize();
        Path own = Path.of("target").toAbsolutePath().normalize();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<Path> entries = Stream.of(classPath.split(File.pathSeparator)).filter(s -> !s.isBlank())
            .map(s -> Path.of(s).toAbsolutePath().normalize())
            .filter(p -> !p.equals(shim) && !p.startsWith(own)).toList();
        assertTrue(entries.stream().noneMatch(p -> p.toString().contains("knime-shim")),
            "the shim is still on the class path: " + entries);
        return entries;
    }

    private static void deleteRecursively(final Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
