package org.bertgeometry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class BertGeoTest {

    @Test
    void unknownOptionIsAUsageErrorWithOneHintLine() {
        StringWriter err = new StringWriter();
        int code = BertGeo.run(new String[] {"--no-such-option"}, new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertEquals(BertGeo.EXIT_USAGE, code);
        assertTrue(err.toString().contains("--no-such-option"), err.toString());
    }

    @Test
    void helpListsTheProgramAndExitsZero() {
        StringWriter out = new StringWriter();
        int code = BertGeo.run(new String[] {"--help"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertEquals(0, code);
        assertTrue(out.toString().contains("bertgeo"), out.toString());
    }

    /** The commands as picocli registers them, so a command added later is covered without editing this test. */
    private static List<String> allCommands() {
        return List.copyOf(BertGeo.commandLine(new BertGeo()).getSubcommands().keySet());
    }

    @Test
    void theCommandListIsTheRegisteredOne() {
        List<String> names = allCommands();
        assertTrue(names.size() >= 15, "expected every bertgeo command, found " + names);
        assertTrue(names.contains("case-study") && names.contains("infer"), names.toString());
    }

    @TestFactory
    Stream<DynamicTest> everyCommandAcceptsHelpAndExitsZero() {
        return allCommands().stream().map(name -> DynamicTest.dynamicTest(name + " --help", () -> {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = BertGeo.run(new String[] {name, "--help"}, new PrintWriter(out), new PrintWriter(err));
            assertEquals(0, code, name + " --help: " + err);
            assertTrue(out.toString().contains("Usage: bertgeo " + name + " "), name + " printed: " + out);
            assertEquals("", err.toString(), name + " --help wrote to stderr");
        }));
    }

    @Test
    void versionIsTheBuildsMavenVersionNotAConstant() {
        StringWriter out = new StringWriter();
        int code = BertGeo.run(new String[] {"--version"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertEquals(0, code);
        // the Maven build passes its project version to the tests (cli/pom.xml, surefire systemPropertyVariables)
        String expected = System.getProperty("bertgeo.expectedVersion");
        assertTrue(expected != null && !expected.isBlank(), "surefire did not pass bertgeo.expectedVersion");
        assertEquals("bertgeo " + expected, out.toString().strip());
    }

    @Test
    void errorWithoutMessageStillNamesTheProblem() {
        assertEquals("IllegalStateException: boom",
                BertGeo.describe(new IllegalStateException(null, new RuntimeException("boom"))));
    }
}
