package org.bertgeometry.knime.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds the test bundle {@code org.bertgeometry.knime.testing}: its sources (src/test/bundle plus the plugin's
 * CSV dialect and Table Difference Checker rules) are compiled with the JDK's compiler against the jars of the
 * KNIME installation under test, so they bind to the real API of exactly that KNIME (a Maven compile could only
 * bind to one fixed set of jars, and the build must pass without any KNIME). The plugin.xml registers the test
 * source node with KNIME's node repository, as KNIME's own testing bundles do.
 */
final class TestBundleBuilder {
    static final String SYMBOLIC_NAME = "org.bertgeometry.knime.testing";

    private TestBundleBuilder() {
    }

    /** @return the bundle jar, written to {@code out} */
    static Path build(final KnimeInstallation knime, final Path out) throws IOException {
        Path classes = out.resolve("test-bundle-classes");
        if (Files.exists(classes)) { // no stale classes from an earlier run
            try (Stream<Path> old = Files.walk(classes)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(classes);
        List<String> sources = new ArrayList<>();
        for (String s : System.getProperty("test.bundle.sources").split(",")) {
            try (Stream<Path> files = Files.walk(Path.of(s))) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> sources.add(f.toString()));
            }
        }
        List<Path> classPath = new ArrayList<>();
        for (Path bundle : knime.bundles()) {
            classPath.addAll(bundleClassPath(bundle, out.resolve("compile-classpath")));
        }
        classPath.add(knime.framework());
        List<String> args = new ArrayList<>(List.of("--release", "17", "-nowarn", "-proc:none", "-d",
            classes.toString(), "-cp", classPath.stream().map(Path::toString).collect(Collectors.joining(":"))));
        args.addAll(sources);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IOException("the test bundle does not compile against " + knime.plugins()
                + " (javac exit " + rc + ", messages above)");
        }
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", SYMBOLIC_NAME + ";singleton:=true");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Bundle-ActivationPolicy", "lazy");
        a.putValue("Require-Bundle", "org.knime.core;bundle-version=\"[5.5.0,6.0.0)\",org.knime.core.util");
        Path jar = out.resolve(SYMBOLIC_NAME + ".jar");
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(os, mf)) {
            add(j, classes);
            add(j, Path.of(System.getProperty("test.bundle.resources")));
        }
        return jar;
    }

    /**
     * A bundle's class path as the compiler needs it: the jar itself, plus each jar its Bundle-ClassPath names
     * inside it (org.knime.core keeps its classes in a nested knime-core.jar), extracted under {@code dir}.
     */
    private static List<Path> bundleClassPath(final Path bundle, final Path dir) throws IOException {
        List<Path> out = new ArrayList<>(List.of(bundle));
        try (JarFile jar = new JarFile(bundle.toFile())) {
            Manifest mf = jar.getManifest();
            String cp = mf == null ? null : mf.getMainAttributes().getValue("Bundle-ClassPath");
            if (cp == null) {
                return out;
            }
            for (String entry : cp.split(",")) {
                String name = entry.trim().split(";")[0];
                JarEntry nested = jar.getJarEntry(name);
                if (name.equals(".") || nested == null || !name.endsWith(".jar")) {
                    continue;
                }
                Path target = dir.resolve(bundle.getFileName().toString()).resolve(name);
                Files.createDirectories(target.getParent());
                try (InputStream in = jar.getInputStream(nested)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                out.add(target);
            }
        }
        return out;
    }

    private static void add(final JarOutputStream j, final Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                j.putNextEntry(new JarEntry(root.relativize(f).toString().replace('\\', '/')));
                j.write(Files.readAllBytes(f));
                j.closeEntry();
            }
        }
    }

}
