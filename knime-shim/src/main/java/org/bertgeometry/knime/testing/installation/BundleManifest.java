package org.bertgeometry.knime.testing.installation;

import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * The few OSGi headers of a bundle's manifest that decide which classes the bundle sees: its name, its
 * {@code Bundle-ClassPath}, the bundles it requires, the packages it imports and exports, and the host of a
 * fragment. Only names are kept; versions and directives are not needed to pick classes from one installation.
 *
 * @param symbolicName {@code Bundle-SymbolicName} without directives
 * @param version {@code Bundle-Version}, "0.0.0" when absent
 * @param classPath {@code Bundle-ClassPath} entries, "." when absent
 * @param requiredBundles symbolic names of {@code Require-Bundle}
 * @param importedPackages package names of {@code Import-Package}
 * @param exportedPackages package names of {@code Export-Package}
 * @param fragmentHost symbolic name of {@code Fragment-Host}, empty when the bundle is not a fragment
 */
public record BundleManifest(String symbolicName, String version, List<String> classPath,
    List<String> requiredBundles, List<String> importedPackages, List<String> exportedPackages,
    String fragmentHost) {

    /** Reads the headers of {@code manifest}; returns null when it is not an OSGi bundle's manifest. */
    static BundleManifest of(final Manifest manifest) {
        Attributes a = manifest.getMainAttributes();
        List<String> names = names(a.getValue("Bundle-SymbolicName"));
        if (names.isEmpty()) {
            return null;
        }
        List<String> classPath = names(a.getValue("Bundle-ClassPath"));
        List<String> host = names(a.getValue("Fragment-Host"));
        String version = a.getValue("Bundle-Version");
        return new BundleManifest(names.get(0), version == null ? "0.0.0" : version.trim(),
            classPath.isEmpty() ? List.of(".") : classPath, names(a.getValue("Require-Bundle")),
            names(a.getValue("Import-Package")), names(a.getValue("Export-Package")),
            host.isEmpty() ? "" : host.get(0));
    }

    /**
     * The names of an OSGi header: clauses are separated by commas outside quotes, and a clause is names
     * separated by ';' followed by attributes ({@code a=b}) and directives ({@code a:=b}).
     */
    static List<String> names(final String header) {
        List<String> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        for (String clause : split(header, ',')) {
            for (String part : split(clause, ';')) {
                String p = part.trim();
                if (p.contains("=")) {
                    break;
                }
                if (!p.isEmpty()) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    private static List<String> split(final String s, final char separator) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }
}
