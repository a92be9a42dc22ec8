package org.bertgeometry.knime.testing.installation;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * The class files a bundle of a KNIME installation can see, read in place: the bundle itself, every bundle it
 * reaches through {@code Require-Bundle} and {@code Import-Package} (transitively), and their fragments, each with
 * its whole {@code Bundle-ClassPath} including jars nested inside the bundle (KNIME's {@code knime-core.jar},
 * {@code lib/schemas.jar}). Classes are indexed by binary name; where two bundles hold the same class the one
 * reached first wins. Nothing is unpacked to disk: nested jars are held in memory. Close it to release the
 * bundles' jar files.
 */
public final class InstallationClasses implements Closeable {

    /** Reads one class file's bytes. */
    @FunctionalInterface
    private interface ClassFile {
        byte[] read() throws IOException;
    }

    private final List<String> m_bundles = new ArrayList<>();
    private final Map<String, ClassFile> m_classes = new HashMap<>();
    private final Map<String, Set<String>> m_packages = new TreeMap<>();
    private final List<ZipFile> m_open = new ArrayList<>();

    private InstallationClasses() {
    }

    /**
     * Indexes the classes visible to bundle {@code rootBundle} of {@code installation}.
     *
     * @throws IllegalArgumentException when the installation has no bundle of that name
     */
    public static InstallationClasses visibleTo(final KnimeInstallation installation, final String rootBundle)
        throws IOException {
        Map<String, Located> bySymbolicName = new TreeMap<>(); // sorted: the same exporter wins every run
        Map<String, Located> byExportedPackage = new HashMap<>();
        Map<String, List<Located>> fragmentsByHost = new HashMap<>();
        for (Located b : bundlesIn(installation.pluginsFolder())) {
            bySymbolicName.merge(b.manifest().symbolicName(), b,
                (x, y) -> compareVersions(x.manifest().version(), y.manifest().version()) >= 0 ? x : y);
        }
        for (Located b : bySymbolicName.values()) {
            b.manifest().exportedPackages().forEach(p -> byExportedPackage.putIfAbsent(p, b));
            if (!b.manifest().fragmentHost().isEmpty()) {
                fragmentsByHost.computeIfAbsent(b.manifest().fragmentHost(), h -> new ArrayList<>()).add(b);
            }
        }
        Located root = bySymbolicName.get(rootBundle);
        if (root == null) {
            throw new IllegalArgumentException(
                "No bundle " + rootBundle + " in " + installation.pluginsFolder() + ": is it a KNIME installation?");
        }
        InstallationClasses classes = new InstallationClasses();
        try {
            Set<Located> seen = new LinkedHashSet<>();
            Deque<Located> todo = new ArrayDeque<>(List.of(root));
            while (!todo.isEmpty()) {
                Located b = todo.removeFirst();
                if (!seen.add(b)) {
                    continue;
                }
                classes.index(b);
                b.manifest().requiredBundles().stream().map(bySymbolicName::get).forEach(r -> enqueue(todo, r));
                b.manifest().importedPackages().stream().map(byExportedPackage::get).forEach(r -> enqueue(todo, r));
                fragmentsByHost.getOrDefault(b.manifest().symbolicName(), List.of()).forEach(todo::addLast);
            }
        } catch (IOException | RuntimeException e) {
            classes.close();
            throw e;
        }
        return classes;
    }

    private static void enqueue(final Deque<Located> todo, final Located bundle) {
        if (bundle != null) {
            todo.addLast(bundle);
        }
    }

    /** @return symbolic names of the bundles whose classes are indexed, root first */
    public List<String> bundles() {
        return List.copyOf(m_bundles);
    }

    /** @return binary names of the indexed classes of package {@code packageName} (empty set if none) */
    public Set<String> classesIn(final String packageName) {
        return m_packages.getOrDefault(packageName, Set.of());
    }

    /** @return the class file of binary name {@code className} ("a.b.C$D"), empty if no indexed bundle has it */
    public Optional<byte[]> classFile(final String className) {
        ClassFile f = m_classes.get(className);
        if (f == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(f.read());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read class " + className + " of the KNIME installation", e);
        }
    }

    /**
     * A class loader over the indexed classes whose parent is the platform class loader, so that nothing of the
     * test's own class path (the shim in particular) is visible. Use it with
     * {@code Class.forName(name, false, loader)}: classes are linked for reflection but never initialised.
     */
    public ClassLoader newClassLoader() {
        return new ClassLoader("knime-installation", ClassLoader.getPlatformClassLoader()) {
            @Override
            protected Class<?> findClass(final String name) throws ClassNotFoundException {
                byte[] b = classFile(name).orElseThrow(() -> new ClassNotFoundException(name));
                return defineClass(name, b, 0, b.length);
            }
        };
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (ZipFile z : m_open) {
            try {
                z.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        m_open.clear();
        if (first != null) {
            throw first;
        }
    }

    private void index(final Located bundle) throws IOException {
        m_bundles.add(bundle.manifest().symbolicName());
        if (Files.isDirectory(bundle.path())) {
            for (String entry : bundle.manifest().classPath()) {
                Path p = ".".equals(entry) ? bundle.path() : bundle.path().resolve(entry);
                if (Files.isDirectory(p)) {
                    indexFolder(p);
                } else if (Files.isRegularFile(p)) {
                    indexNestedJar(Files.newInputStream(p));
                }
            }
            return;
        }
        ZipFile zip = new ZipFile(bundle.path().toFile());
        m_open.add(zip);
        for (String entry : bundle.manifest().classPath()) {
            if (".".equals(entry)) {
                zip.stream().filter(e -> isClass(e.getName()))
                    .forEach(e -> add(e.getName(), () -> readEntry(zip, e)));
            } else {
                ZipEntry nested = zip.getEntry(entry);
                if (nested != null) {
                    indexNestedJar(zip.getInputStream(nested));
                }
            }
        }
    }

    private static byte[] readEntry(final ZipFile zip, final ZipEntry e) throws IOException {
        try (InputStream in = zip.getInputStream(e)) {
            return in.readAllBytes();
        }
    }

    private void indexFolder(final Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = folder.relativize(f).toString().replace('\\', '/');
                if (Files.isRegularFile(f) && isClass(name)) {
                    add(name, () -> Files.readAllBytes(f));
                }
            }
        }
    }

    private void indexNestedJar(final InputStream jar) throws IOException {
        try (ZipInputStream in = new ZipInputStream(jar)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (isClass(e.getName())) {
                    byte[] bytes = in.readAllBytes();
                    add(e.getName(), () -> bytes);
                }
            }
        }
    }

    /** Class files on a class path entry; module descriptors and multi-release variants are left out. */
    private static boolean isClass(final String entryName) {
        return entryName.endsWith(".class") && !entryName.startsWith("META-INF/")
            && !entryName.endsWith("module-info.class");
    }

    private void add(final String entryName, final ClassFile file) {
        String className = entryName.substring(0, entryName.length() - ".class".length()).replace('/', '.');
        if (m_classes.putIfAbsent(className, file) == null) {
            int dot = className.lastIndexOf('.');
            m_packages.computeIfAbsent(dot < 0 ? "" : className.substring(0, dot), p -> new LinkedHashSet<>())
                .add(className);
        }
    }

    /** A bundle on disk (jar or folder) with its manifest. */
    private record Located(Path path, BundleManifest manifest) {
    }

    private static List<Located> bundlesIn(final Path plugins) throws IOException {
        List<Located> out = new ArrayList<>();
        try (Stream<Path> entries = Files.list(plugins)) {
            for (Path p : entries.sorted().toList()) {
                Manifest m = readManifest(p);
                BundleManifest bm = m == null ? null : BundleManifest.of(m);
                if (bm != null) {
                    out.add(new Located(p, bm));
                }
            }
        }
        return out;
    }

    private static Manifest readManifest(final Path bundle) throws IOException {
        if (Files.isDirectory(bundle)) {
            Path mf = bundle.resolve("META-INF/MANIFEST.MF");
            if (!Files.isRegularFile(mf)) {
                return null;
            }
            try (InputStream in = Files.newInputStream(mf)) {
                return new Manifest(in);
            }
        }
        if (!bundle.getFileName().toString().endsWith(".jar")) {
            return null;
        }
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            ZipEntry e = zip.getEntry("META-INF/MANIFEST.MF");
            if (e == null) {
                return null;
            }
            try (InputStream in = zip.getInputStream(e)) {
                return new Manifest(new ByteArrayInputStream(in.readAllBytes()));
            }
        }
    }

    /** Compares OSGi versions numerically by their first three segments, then by qualifier text. */
    static int compareVersions(final String a, final String b) {
        String[] x = a.split("\\.", 4);
        String[] y = b.split("\\.", 4);
        Comparator<String> number = Comparator.comparingLong(InstallationClasses::segment);
        for (int i = 0; i < 3; i++) {
            int c = number.compare(i < x.length ? x[i] : "0", i < y.length ? y[i] : "0");
            if (c != 0) {
                return c;
            }
        }
        return (x.length > 3 ? x[3] : "").compareTo(y.length > 3 ? y[3] : "");
    }

    private static long segment(final String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
