package org.bertgeometry.knime.natives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Each of the four natives fragments is what DJL 0.36 needs on its platform, checked at build time because only
 * linux x86_64 can execute here. DJL's native loading (ai.djl.util.Platform and ai.djl.pytorch.jni.LibUtils) reads
 * {@code native/lib/pytorch.properties} from the class path, accepts it when its {@code classifier} equals the
 * running system's {@code <os>-<arch>} (os "win", "osx" or "linux"; "amd64" read as "x86_64") and its
 * {@code version} matches the pytorch-jni version, then copies every file named in {@code libraries} from
 * {@code pytorch/<flavor>/<classifier>/}, loads {@code torch_cpu} and {@code torch} under the platform's library
 * names, and takes the JNI bridge from {@code jnilib/<classifier>/<flavor>/} of pytorch-jni (embedded in the host).
 * The fragment must carry that jar on its Bundle-ClassPath, be filtered to its platform, and be listed with the
 * same os/arch in the feature, so that p2 installs exactly one fragment per platform.
 */
class NativesFragmentsIT {

    /** A platform as OSGi names it, as DJL names it, and how it names a shared library. */
    enum NativePlatform {
        LINUX_X86_64("linux", "x86_64", "linux-x86_64", "lib", ".so"),
        WIN32_X86_64("win32", "x86_64", "win-x86_64", "", ".dll"),
        MACOSX_AARCH64("macosx", "aarch64", "osx-aarch64", "lib", ".dylib"),
        LINUX_AARCH64("linux", "aarch64", "linux-aarch64", "lib", ".so");

        final String os;
        final String arch;
        final String djlClassifier;
        final String libPrefix;
        final String libSuffix;

        NativePlatform(final String os, final String arch, final String djlClassifier, final String libPrefix,
            final String libSuffix) {
            this.os = os;
            this.arch = arch;
            this.djlClassifier = djlClassifier;
            this.libPrefix = libPrefix;
            this.libSuffix = libSuffix;
        }

        String bundleName() {
            return "org.bertgeometry.knime.bin." + os + "." + arch;
        }

        /** System.mapLibraryName as it answers on this platform. */
        String libraryFile(final String name) {
            return libPrefix + name + libSuffix;
        }

        Path fragmentJar() {
            return Path.of(pathPart(0));
        }

        Path nativesJar() {
            return Path.of(pathPart(1));
        }

        private String pathPart(final int index) {
            String value = System.getProperty("natives." + os + "." + arch);
            assertNotNull(value, "system property natives." + os + "." + arch + " (set by the failsafe configuration)");
            return value.split("\\|")[index];
        }
    }

    @ParameterizedTest
    @EnumSource(NativePlatform.class)
    void theManifestMakesAFragmentOfTheNodeBundleFilteredToItsPlatform(final NativePlatform platform)
        throws Exception {
        Attributes main = manifest(platform.fragmentJar());
        assertEquals(platform.bundleName(), main.getValue("Bundle-SymbolicName").split(";")[0].trim());
        assertTrue(main.getValue("Fragment-Host").startsWith("org.bertgeometry.knime;"), main.getValue("Fragment-Host"));
        Filter filter = FrameworkUtil.createFilter(main.getValue("Eclipse-PlatformFilter"));
        for (NativePlatform other : NativePlatform.values()) {
            boolean matches = filter.matches(Map.of("osgi.os", other.os, "osgi.arch", other.arch));
            assertEquals(other == platform, matches, "platform filter of " + platform + " on " + other);
        }
        assertEquals("lib/pytorch-native-cpu-" + platform.djlClassifier + ".jar", main.getValue("Bundle-ClassPath"));
    }

    @ParameterizedTest
    @EnumSource(NativePlatform.class)
    void theBundleClassPathHoldsExactlyDjlsNativesJarStoredAsIs(final NativePlatform platform) throws Exception {
        try (ZipFile fragment = new ZipFile(platform.fragmentJar().toFile())) {
            ZipEntry nested = fragment.getEntry(manifest(platform.fragmentJar()).getValue("Bundle-ClassPath"));
            assertNotNull(nested, "the jar named on Bundle-ClassPath is in the fragment");
            assertEquals(ZipEntry.STORED, nested.getMethod(), "stored, not deflated a second time");
            assertEquals(Files.size(platform.nativesJar()), nested.getSize());
            assertEquals(crc(platform.nativesJar()), nested.getCrc(), "same bytes as Maven's " + platform.nativesJar());
        }
    }

    @ParameterizedTest
    @EnumSource(NativePlatform.class)
    void theNestedJarHasTheLayoutDjlLoadsOnThatPlatform(final NativePlatform platform) throws Exception {
        String jniVersion = jniProperties().getProperty("jni_version");
        String pytorchVersion = jniVersion.substring(0, jniVersion.indexOf('-'));
        try (ZipFile natives = new ZipFile(platform.nativesJar().toFile())) {
            Properties props = properties(natives, "native/lib/pytorch.properties");
            assertEquals(platform.djlClassifier, props.getProperty("classifier"));
            assertEquals("cpu", props.getProperty("flavor"));
            assertTrue(props.getProperty("version").startsWith(pytorchVersion + "-"),
                "natives " + props.getProperty("version") + " fit pytorch-jni " + jniVersion);
            assertFalse(props.containsKey("placeholder"), "a placeholder would make DJL download");
            List<String> libraries = Arrays.asList(props.getProperty("libraries").split(","));
            for (String library : libraries) {
                ZipEntry entry = natives.getEntry("pytorch/cpu/" + platform.djlClassifier + "/" + library);
                assertNotNull(entry, library + " listed in pytorch.properties is in the jar");
                assertTrue(entry.getSize() > 0, library + " is not empty");
            }
            assertTrue(libraries.contains(platform.libraryFile("torch")), "DJL loads torch: " + libraries);
            assertTrue(libraries.contains(platform.libraryFile("torch_cpu")), "DJL loads torch_cpu: " + libraries);
            assertTrue(libraries.contains(platform.libraryFile("c10")), "torch links c10: " + libraries);
        }
    }

    @ParameterizedTest
    @EnumSource(NativePlatform.class)
    void theHostsPytorchJniCarriesTheJniBridgeOfThePlatform(final NativePlatform platform) throws Exception {
        try (ZipFile jni = new ZipFile(System.getProperty("natives.pytorch.jni"))) {
            String bridge = "jnilib/" + platform.djlClassifier + "/cpu/" + platform.libraryFile("djl_torch");
            assertNotNull(jni.getEntry(bridge), bridge);
        }
    }

    @ParameterizedTest
    @EnumSource(NativePlatform.class)
    void theFeatureListsTheFragmentWithTheSameP2Filter(final NativePlatform platform) throws Exception {
        NodeList plugins = DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(Path.of(System.getProperty("natives.feature.xml")).toFile()).getElementsByTagName("plugin");
        Element entry = null;
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if (plugin.getAttribute("id").equals(platform.bundleName())) {
                entry = plugin;
            }
        }
        assertNotNull(entry, platform.bundleName() + " in feature.xml");
        assertEquals(platform.os, entry.getAttribute("os"));
        assertEquals(platform.arch, entry.getAttribute("arch"));
        assertEquals("true", entry.getAttribute("fragment"));
    }

    private static Attributes manifest(final Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes();
        }
    }

    private static Properties jniProperties() throws IOException {
        try (ZipFile jni = new ZipFile(System.getProperty("natives.pytorch.jni"))) {
            return properties(jni, "jnilib/pytorch.properties");
        }
    }

    private static Properties properties(final ZipFile zip, final String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        assertNotNull(entry, name + " in " + zip.getName());
        Properties props = new Properties();
        try (InputStream in = zip.getInputStream(entry)) {
            props.load(in);
        }
        return props;
    }

    private static long crc(final Path file) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                crc.update(buffer, 0, n);
            }
        }
        return crc.getValue();
    }
}
