package org.bertgeometry.knime.testing.installation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.knime.core.node.NodeModel;

/**
 * The shim differs in nothing from KNIME: every class under {@code org.knime} of the shim exists in the real
 * {@code org.knime.core} bundle (and the bundles it sees) with the same kind, modifiers, type parameters,
 * superclass and interfaces, and every public or protected constructor, method and field of a shim class exists
 * in the real class with the same modifiers, parameter and return types (generic), checked exceptions and
 * constant values. The
 * real classes are read from the installation's jars without being initialised. Skipped with one line when no
 * real KNIME is found ({@link KnimeInstallation}).
 */
class ShimMatchesRealKnimeTest {

    @Test
    void everyShimClassAndMemberHasTheRealSignature() throws Exception {
        Optional<KnimeInstallation> installation = KnimeInstallation.findForTest();
        Assumptions.assumeTrue(installation.isPresent(), KnimeInstallation.ABSENT_MESSAGE);
        List<Class<?>> shim = shimClasses();
        ApiComparison result;
        try (InstallationClasses real = InstallationClasses.visibleTo(installation.get(), "org.knime.core")) {
            result = ApiComparison.of(shim, real);
        }
        System.out.printf("Shim vs real KNIME (%s): %d classes and %d public or protected members checked "
            + "(%d signatures), %d differences%n", installation.get().pluginsFolder(), shim.size(),
            result.membersChecked() - shim.size(), result.membersChecked(), result.differences().size());
        assertTrue(shim.size() > 50, "the shim's classes were not found: " + shim.size());
        assertEquals(List.of(), result.differences(),
            () -> result.differences().size() + " differences:\n" + String.join("\n", result.differences()));
    }

    /**
     * Every class of the shim under {@code org/knime} except private member classes and anonymous or local
     * classes, which no client can name.
     */
    static List<Class<?>> shimClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(NodeModel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("org/knime"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String name = root.relativize(f).toString().replace('\\', '/').replace('/', '.');
                Class<?> c = Class.forName(name.substring(0, name.length() - ".class".length()), false,
                    ShimMatchesRealKnimeTest.class.getClassLoader());
                boolean privateMember = c.isMemberClass() && java.lang.reflect.Modifier.isPrivate(c.getModifiers());
                if (!c.isAnonymousClass() && !c.isLocalClass() && !c.isSynthetic() && !privateMember) {
                    out.add(c);
                }
            }
        }
        return out;
    }
}
