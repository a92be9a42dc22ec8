package org.bertgeometry.knime.testing.installation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which classes of an installation a bundle sees, on a small made-up {@code plugins/} folder: the root bundle
 * with a jar nested on its {@code Bundle-ClassPath}, a required bundle, the exporter of an imported package, a
 * fragment, a folder bundle and an unrelated bundle that must stay out.
 */
class InstallationClassesTest {

    @TempDir
    Path plugins;

    /** A real class file, so that the loader can define it. */
    private static byte[] sampleClass() throws IOException {
        try (InputStream in = ApiComparisonTest.Knime.class
            .getResourceAsStream("ApiComparisonTest$Knime.class")) {
            return in.readAllBytes();
        }
    }

    private static final String SAMPLE = ApiComparisonTest.Knime.class.getName();

    private static byte[] jar(final Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private void bundle(final String file, final String manifestHeaders, final Map<String, byte[]> entries)
        throws IOException {
        String manifest = "Manifest-Version: 1.0\n" + manifestHeaders + "\n";
        Map<String, byte[]> all = new java.util.LinkedHashMap<>(entries);
        all.put("META-INF/MANIFEST.MF", manifest.getBytes());
        try (OutputStream out = Files.newOutputStream(plugins.resolve(file))) {
            out.write(jar(all));
        }
    }

    private void makeInstallation() throws IOException {
        String samplePath = SAMPLE.replace('.', '/') + ".class";
        bundle("root_1.0.0.jar", "Bundle-SymbolicName: root;singleton:=true\nBundle-Version: 1.0.0\n"
            + "Bundle-ClassPath: inner.jar,\n .\nRequire-Bundle: required;bundle-version=\"[1,2)\";"
            + "visibility:=reexport\nImport-Package: imported.pkg;version=\"1.0\",\n missing.pkg;resolution:=optional",
            Map.of("inner.jar", jar(Map.of(samplePath, sampleClass())), "r/Root.class", new byte[] {1}));
        bundle("required_1.0.0.jar", "Bundle-SymbolicName: required\nBundle-Version: 1.0.0",
            Map.of("q/Old.class", new byte[] {2}));
        bundle("required_1.2.0.jar", "Bundle-SymbolicName: required\nBundle-Version: 1.2.0",
            Map.of("q/New.class", new byte[] {3}));
        bundle("exporter_1.0.0.jar", "Bundle-SymbolicName: exporter\nExport-Package: other.pkg,imported.pkg;"
            + "version=\"1.0\"", Map.of("imported/pkg/I.class", new byte[] {4}));
        bundle("fragment_1.0.0.jar", "Bundle-SymbolicName: fragment\nFragment-Host: root",
            Map.of("f/F.class", new byte[] {5}));
        bundle("unrelated_1.0.0.jar", "Bundle-SymbolicName: unrelated", Map.of("u/U.class", new byte[] {6}));
        Path folder = Files.createDirectories(plugins.resolve("folderbundle_1.0.0/META-INF"));
        Files.writeString(folder.resolve("MANIFEST.MF"), "Manifest-Version: 1.0\nBundle-SymbolicName: "
            + "folderbundle\nRequire-Bundle: root\n");
    }

    @Test
    void theRootSeesItsNestedJarsRequiredBundlesImportedPackagesAndFragmentsOnly() throws Exception {
        makeInstallation();
        try (InstallationClasses c = InstallationClasses.visibleTo(new KnimeInstallation(plugins), "root")) {
            assertEquals(List.of("root", "required", "exporter", "fragment"), c.bundles());
            assertArrayEquals(sampleClass(), c.classFile(SAMPLE).orElseThrow());
            assertArrayEquals(new byte[] {1}, c.classFile("r.Root").orElseThrow());
            assertArrayEquals(new byte[] {3}, c.classFile("q.New").orElseThrow(), "highest version wins");
            assertFalse(c.classFile("q.Old").isPresent());
            assertEquals(Set.of("imported.pkg.I"), c.classesIn("imported.pkg"));
            assertTrue(c.classFile("f.F").isPresent());
            assertFalse(c.classFile("u.U").isPresent());
            Class<?> loaded = Class.forName(SAMPLE, false, c.newClassLoader());
            assertEquals("knime-installation", loaded.getClassLoader().getName(), "isolated from the test's loader");
        }
    }

    @Test
    void aFolderBundleIsReadToo() throws Exception {
        makeInstallation();
        try (InstallationClasses c = InstallationClasses.visibleTo(new KnimeInstallation(plugins), "folderbundle")) {
            assertEquals("folderbundle", c.bundles().get(0));
            assertTrue(c.classFile(SAMPLE).isPresent(), "through Require-Bundle: root");
        }
    }

    @Test
    void aMissingRootBundleIsAClearError() throws Exception {
        makeInstallation();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> InstallationClasses.visibleTo(new KnimeInstallation(plugins), "org.knime.core"));
        assertTrue(e.getMessage().contains("No bundle org.knime.core"), e.getMessage());
    }

    @Test
    void headerNamesIgnoreAttributesDirectivesAndQuotedCommas() {
        assertEquals(List.of("a.b", "c", "d"),
            BundleManifest.names("a.b;version=\"[1,2)\";x:=y, c;d;uses:=\"p,q\""));
    }
}
