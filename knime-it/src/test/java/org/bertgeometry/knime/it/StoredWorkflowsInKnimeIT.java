package org.bertgeometry.knime.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every stored test workflow (each folder under test-workflows/ holding a workflow.knime, plus any under
 * examples/) runs inside a real KNIME core, loaded from its files exactly as stored: executed, compared with its
 * expectations, saved, reloaded and saved again ({@code KnimeWorkflowDriver.check}). All workflows run in one
 * KNIME process in name order and in another in reverse order (so state leaking from one workflow into the next
 * shows up whichever comes first), and each workflow alone in its own process. One workflow also runs headless
 * through KNIME's BatchExecutor. Each process works on its own copy of the workflow folders under target/, so the
 * stored files are never written and relative {@code knime://knime.workflow/} paths are proven to survive a copy.
 */
class StoredWorkflowsInKnimeIT {

    private static KnimeInstallation knime;
    private static List<Path> bundles;
    private static Path work;

    @BeforeAll
    static void findKnimeAndBuildTheTestBundle() throws IOException {
        KnimeInstallation.Found found = KnimeInstallation.find();
        if (found.installation().isEmpty()) {
            System.out.println("[knime-it] SKIPPED, " + found.reason());
        }
        Assumptions.assumeTrue(found.installation().isPresent(), found.reason());
        knime = found.installation().get();
        work = Path.of(System.getProperty("knime.it.dir"));
        Files.createDirectories(work);
        bundles = List.of(Path.of(System.getProperty("bundle.host")), Path.of(System.getProperty("bundle.fragment")),
            TestBundleBuilder.build(knime, work));
    }

    /** @return the names of the stored workflows, sorted */
    static List<String> workflows() throws IOException {
        Path root = Path.of(System.getProperty("test.workflows"));
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(d -> Files.isRegularFile(d.resolve("workflow.knime"))).map(d -> d.getFileName().toString())
                .sorted().toList();
        }
    }

    /** Copies the stored workflows byte for byte into a fresh folder, the LOCAL mount point of one process. */
    static Path copyOfWorkflows(final String session) throws IOException {
        Path target = work.resolve(session).resolve("workflows");
        Path root = Path.of(System.getProperty("test.workflows"));
        if (Files.exists(target)) {
            try (Stream<Path> s = Files.walk(target)) {
                s.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                Path t = target.resolve(root.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return target;
    }

    /** Runs {@code commands} ({@code method:workflow}) in one KNIME process and makes one test per command. */
    static Stream<DynamicTest> session(final String session, final List<String> commands) throws Exception {
        Path copy = copyOfWorkflows(session);
        List<String> resolved = new ArrayList<>();
        for (String c : commands) {
            int colon = c.indexOf(':');
            resolved.add(c.substring(0, colon + 1) + copy.resolve(c.substring(colon + 1)));
        }
        List<KnimeProcess.Result> results = KnimeProcess.run(knime, bundles, work.resolve(session), resolved);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            KnimeProcess.Result r = results.get(i);
            String name = (i + 1) + ". " + commands.get(i) + " (" + r.millis() + " ms)";
            tests.add(DynamicTest.dynamicTest(name, () -> assertTrue(r.passed(), r.command() + ": " + r.details())));
        }
        return tests.stream();
    }

    static List<String> checks(final List<String> names) {
        return names.stream().map(n -> "check:" + n).toList();
    }

    @TestFactory
    Stream<DynamicTest> allWorkflowsInNameOrderInOneKnimeThenOneHeadlessInBatchMode() throws Exception {
        List<String> commands = new ArrayList<>(checks(workflows()));
        commands.add("batch:loader-tokenize-directionality");
        return session("name-order", commands);
    }

    @TestFactory
    Stream<DynamicTest> allWorkflowsInReverseOrderInOneKnime() throws Exception {
        List<String> names = new ArrayList<>(workflows());
        Collections.reverse(names);
        return session("reverse-order", checks(names));
    }

    @TestFactory
    Stream<DynamicTest> eachWorkflowAloneInItsOwnKnime() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : workflows()) {
            session("alone-" + name, List.of("check:" + name)).forEach(tests::add);
        }
        return tests.stream();
    }

    @Test
    void theSuiteFindsEveryStoredWorkflow() throws IOException {
        assertTrue(workflows().size() >= 7, "workflows: " + workflows());
    }
}
