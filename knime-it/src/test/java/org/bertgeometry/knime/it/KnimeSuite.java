package org.bertgeometry.knime.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.bertgeometry.knime.workflows.FolderCopy;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * What every real-KNIME test class shares: the installation (or a skip with one line when there is none), the
 * bundles to install (the extension's bundle and natives fragment from this build, the test bundle compiled
 * against that installation), and sessions: one KNIME process running driver commands on its own byte copy of
 * test-workflows/ under target/, each command becoming one test.
 *
 * @param knime the installation
 * @param bundles the jars installed on top of its plugins
 * @param work this module's folder under target/
 */
record KnimeSuite(KnimeInstallation knime, List<Path> bundles, Path work) {
    /** Replaced in commands by the session's copy of test-workflows/. */
    static final String WORKFLOWS = "{workflows}";
    /** Replaced in commands by the session's copy of examples/ (example workflows, when the project has them). */
    static final String EXAMPLES = "{examples}";

    /** Finds KNIME and builds the test bundle, or skips the calling test class with one clear line. */
    static KnimeSuite startOrSkip() throws IOException {
        KnimeInstallation.Found found = KnimeInstallation.find();
        if (found.installation().isEmpty()) {
            System.out.println("[knime-it] SKIPPED, " + found.reason());
        }
        Assumptions.assumeTrue(found.installation().isPresent(), found.reason());
        KnimeInstallation knime = found.installation().get();
        Path work = Files.createDirectories(Path.of(System.getProperty("knime.it.dir")));
        Path testBundle = TestBundleBuilder.build(knime, work);
        return new KnimeSuite(knime, List.of(Path.of(System.getProperty("bundle.host")),
            Path.of(System.getProperty("bundle.fragment")), testBundle), work);
    }

    /** @return the names of the stored workflows (folders of test-workflows/ holding a workflow.knime), sorted */
    static List<String> workflows() throws IOException {
        return workflowFolders(storedWorkflows());
    }

    /** @return the names of the example workflows (folders of examples/ holding a workflow.knime), sorted */
    static List<String> examples() throws IOException {
        return Files.isDirectory(examplesRoot()) ? workflowFolders(examplesRoot()) : List.of();
    }

    private static List<String> workflowFolders(final Path root) throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(d -> Files.isRegularFile(d.resolve("workflow.knime"))).map(d -> d.getFileName().toString())
                .sorted().toList();
        }
    }

    private static Path storedWorkflows() {
        return Path.of(System.getProperty("test.workflows"));
    }

    private static Path examplesRoot() {
        return Path.of(System.getProperty("test.examples"));
    }

    /**
     * Runs {@code commands} ({@code method:argument}, {@value #WORKFLOWS} and {@value #EXAMPLES} standing for the
     * session's copies of test-workflows/ and examples/) in one KNIME process, in order, and makes one test per command.
     */
    Stream<DynamicTest> session(final String session, final List<String> commands) throws Exception {
        Path copy = work.resolve(session).resolve("workflows");
        Path examplesCopy = work.resolve(session).resolve("examples");
        deleteRecursively(work.resolve(session));
        FolderCopy.copy(storedWorkflows(), copy);
        if (Files.isDirectory(examplesRoot())) {
            FolderCopy.copy(examplesRoot(), examplesCopy);
        }
        List<String> resolved = commands.stream()
            .map(c -> c.replace(WORKFLOWS, copy.toString()).replace(EXAMPLES, examplesCopy.toString())).toList();
        List<KnimeProcess.Result> results = KnimeProcess.run(knime, bundles, work.resolve(session), resolved);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            KnimeProcess.Result r = results.get(i);
            String name = session + " " + (i + 1) + ". " + commands.get(i).replace(WORKFLOWS + "/", "")
                .replace(EXAMPLES + "/", "examples/") + " ("
                + r.millis() + " ms)";
            tests.add(DynamicTest.dynamicTest(name, () -> assertTrue(r.passed(), r.command() + ": " + r.details())));
        }
        return tests.stream();
    }

    private static void deleteRecursively(final Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
