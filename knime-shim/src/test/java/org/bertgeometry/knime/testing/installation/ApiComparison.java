package org.bertgeometry.knime.testing.installation;

import java.lang.reflect.MalformedParameterizedTypeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares shim classes with the real classes of the same names: every line of a shim class's
 * {@link ApiSignature} must exist, equal, in the real class's, and every interface the shim class names must be
 * one the real class implements. The real class may have more members and interfaces (the shim is a subset),
 * never different or additional ones.
 *
 * @param membersChecked how many class lines, named interfaces and public or protected members of the shim were compared
 * @param differences one readable line per difference; empty when the shim is faithful
 */
record ApiComparison(int membersChecked, List<String> differences) {

    /** Compares each shim class with the class of the same binary name loaded, uninitialised, from {@code real}. */
    static ApiComparison of(final List<Class<?>> shimClasses, final ClassLoader real) {
        int checked = 0;
        List<String> differences = new ArrayList<>();
        for (Class<?> shim : shimClasses) {
            Map<String, String> shimApi = ApiSignature.of(shim);
            Set<String> shimInterfaces = ApiSignature.directInterfaces(shim);
            checked += shimApi.size() + shimInterfaces.size();
            try {
                Class<?> knime = Class.forName(shim.getName(), false, real);
                differences.addAll(differences(shim.getName(), shimApi, ApiSignature.of(knime)));
                differences.addAll(interfaceDifferences(shim, knime));
            } catch (ClassNotFoundException e) {
                differences.add(shim.getName() + ": no such class in KNIME");
            } catch (LinkageError | TypeNotPresentException | MalformedParameterizedTypeException e) {
                differences.add(shim.getName() + ": KNIME's class cannot be read from the installation ("
                    + e + "); a bundle its signatures need is missing");
            }
        }
        return new ApiComparison(checked, List.copyOf(differences));
    }

    /** @return one line per interface that {@code shim} names and {@code real} does not implement */
    static List<String> interfaceDifferences(final Class<?> shim, final Class<?> real) {
        Set<String> realInterfaces = ApiSignature.allInterfaces(real);
        return ApiSignature.directInterfaces(shim).stream().filter(i -> !realInterfaces.contains(i))
            .map(i -> shim.getName() + ": implements " + i + ", KNIME's class does not").toList();
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
