package org.bertgeometry.knime.testing.installation;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.MalformedParameterizedTypeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares shim classes with the real classes of the same names: every line of a shim class's
 * {@link ApiSignature} must exist, equal, in the real class's: the class line (so the same superclass and
 * interfaces) and each public or protected member. The real class may have more members (the shim is a subset),
 * never different or additional ones.
 *
 * @param membersChecked how many class lines and public or protected members of the shim were compared
 * @param differences one readable line per difference; empty when the shim is faithful
 */
record ApiComparison(int membersChecked, List<String> differences) {

    /**
     * Compares each shim class with the class of the same binary name loaded, uninitialised, from {@code real},
     * including the values of compile-time constants read from both class files.
     */
    static ApiComparison of(final List<Class<?>> shimClasses, final InstallationClasses real) throws IOException {
        ClassLoader loader = real.newClassLoader();
        int checked = 0;
        List<String> differences = new ArrayList<>();
        for (Class<?> shim : shimClasses) {
            Map<String, String> shimApi = ApiSignature.withConstants(ApiSignature.of(shim),
                ConstantValues.of(shimClassFile(shim)));
            checked += shimApi.size();
            try {
                Map<String, String> knimeApi = ApiSignature.of(Class.forName(shim.getName(), false, loader));
                differences.addAll(differences(shim.getName(), shimApi, ApiSignature.withConstants(knimeApi,
                    ConstantValues.of(real.classFile(shim.getName()).orElseThrow()))));
            } catch (ClassNotFoundException e) {
                differences.add(shim.getName() + ": no such class in KNIME");
            } catch (LinkageError | TypeNotPresentException | MalformedParameterizedTypeException e) {
                differences.add(shim.getName() + ": KNIME's class cannot be read from the installation ("
                    + e + "); a bundle its signatures need is missing");
            }
        }
        return new ApiComparison(checked, List.copyOf(differences));
    }

    private static byte[] shimClassFile(final Class<?> shim) throws IOException {
        String name = shim.getName();
        try (InputStream in = shim.getResourceAsStream("/" + name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new IOException("No class file for " + name);
            }
            return in.readAllBytes();
        }
    }

    /** @return the differences between two APIs of class {@code name}, shim first, as readable lines */
    static List<String> differences(final String name, final Map<String, String> shim,
        final Map<String, String> real) {
        List<String> out = new ArrayList<>();
        shim.forEach((key, line) -> {
            String realLine = real.get(key);
            if (realLine == null) {
                out.add(name + ": " + key + " is not in KNIME (shim: " + line + ")");
            } else if (!realLine.equals(line)) {
                out.add(name + ": " + key + " differs\n    shim:  " + line + "\n    KNIME: " + realLine);
            }
        });
        return out;
    }

}
