package org.bertgeometry.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version {@code bertgeo --version} prints: the Maven project version, written into
 * {@code version.properties} by resource filtering when the command line is built. The launcher runs
 * from {@code target/classes}, not from a jar, so a jar manifest would not be there to read; the
 * filtered resource is present in both layouts.
 */
public final class BuildVersion implements IVersionProvider {

    private static final String RESOURCE = "version.properties";

    /** The build's version, e.g. {@code 1.0.0-SNAPSHOT}. */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath; rebuild the command line");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String v = p.getProperty("version", "");
        if (v.isBlank() || v.startsWith("${")) {
            // an unfiltered copy (an IDE that skips Maven filtering) must not pass for a version
            throw new IllegalStateException(RESOURCE + " was not filtered by Maven; rebuild with ./mvnw");
        }
        return v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"bertgeo " + version()};
    }
}
