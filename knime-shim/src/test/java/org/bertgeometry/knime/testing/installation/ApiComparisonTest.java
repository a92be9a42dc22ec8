package org.bertgeometry.knime.testing.installation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * What {@link ApiComparison} reports as a difference between a shim class and the real one, shown on pairs of
 * small classes that stand for "KNIME's" and "the shim's" version of one class.
 */
class ApiComparisonTest {

    /** Stands for KNIME's class. */
    public abstract static class Knime implements Comparable<String> {
        public static final String KEY = "k";

        public Knime(final String key) {
        }

        public final String getKey() {
            return KEY;
        }

        public abstract List<String> names(int limit) throws IOException;

        protected void validate(final int value) throws IOException {
        }

        public void extra() {
        }
    }

    /** The same API as {@link Knime} minus some members: a faithful subset. */
    public abstract static class FaithfulSubset implements Comparable<String> {
        public FaithfulSubset(final String key) {
        }

        public final String getKey() {
            return "k";
        }

        public abstract List<String> names(int limit) throws IOException;
    }

    /** A shim with one of every kind of difference. */
    public abstract static class Unfaithful implements Comparable<String>, Runnable {
        public static final String NAMESPACE = "shim-only";

        protected Unfaithful(final String key) {
        }

        public String getKey() {
            return "k";
        }

        public abstract List<Object> names(int limit) throws IOException;

        protected void validate(final int value) {
        }

        public void helper() {
        }
    }

    private static List<String> compare(final Class<?> shim) {
        return ApiComparison.differences("X", ApiSignature.of(shim), ApiSignature.of(Knime.class));
    }

    @Test
    void aSubsetOfTheRealMembersIsNoDifference() {
        assertEquals(List.of(), compare(FaithfulSubset.class));
    }

    @Test
    void everyShimOnlyMemberAndEverySignatureChangeIsADifference() {
        List<String> d = compare(Unfaithful.class);
        Map<String, String> expected = Map.of(
            "constructor(java.lang.String) differs", "protected instead of public",
            "method getKey() differs", "final missing",
            "method names(int) differs", "generic return type",
            "method validate(int) differs", "checked exception missing",
            "method helper() is not in KNIME", "shim-only method",
            "field NAMESPACE is not in KNIME", "shim-only field",
            "class differs", "an interface KNIME's class does not implement");
        expected.forEach((what, why) -> assertTrue(d.stream().anyMatch(line -> line.startsWith("X: " + what)),
            why + ": " + what + " not reported in " + d));
        assertEquals(expected.size(), d.size(), () -> String.join("\n", d));
    }

    @Test
    void aConstantWithAnotherValueIsADifference() throws IOException {
        Map<String, String> knime = ApiSignature.withConstants(ApiSignature.of(Knime.class),
            ConstantValues.of(classFile(Knime.class)));
        assertEquals("public static final java.lang.String KEY = (String) k", knime.get("field KEY"));
        Map<String, String> shim = new java.util.LinkedHashMap<>(knime);
        shim.put("field KEY", ApiSignature.withConstants(ApiSignature.of(Knime.class), Map.of("KEY", "other"))
            .get("field KEY"));
        assertEquals(1, ApiComparison.differences("X", shim, knime).size());
    }

    private static byte[] classFile(final Class<?> c) throws IOException {
        try (var in = c.getResourceAsStream(c.getName().substring(c.getName().lastIndexOf('.') + 1) + ".class")) {
            return in.readAllBytes();
        }
    }

    @Test
    void theClassLineHoldsSuperclassAndInterfaces() {
        String line = ApiSignature.of(Unfaithful.class).get(ApiSignature.CLASS_KEY);
        assertEquals("public abstract static class extends java.lang.Object implements "
            + "java.lang.Comparable<java.lang.String>, java.lang.Runnable", line);
    }
}
