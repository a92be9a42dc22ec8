package org.bertgeometry.knime.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.bertgeometry.knime.testing.FlowVariablesOf;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.bertgeometry.knime.testing.ShimExecution;
import org.bertgeometry.knime.testing.ShimNodeRunner;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Runs every workflow under {@code test-workflows/} from its files, as KNIME's testflow runner would: each node's
 * factory is instantiated from settings.xml and must accept its stored settings (validateSettings, then
 * loadValidatedSettingsFrom); nodes execute in the order of their connections through the shim, fed by their
 * upstream nodes; the test bundle's Test Table Source nodes (real KNIME loads them from knime-it's test bundle)
 * are played here by reading their CSV file; nodes listed as {@code error.node<id>} must fail with a
 * message containing the given text, every other node must execute; each {@code expected/node<id>.port<p>.csv}
 * is compared with that output ({@link TableExpectation}). See test-workflows/README.md.
 */
class TestWorkflowsTest {

    static final Path ROOT = Path.of("..", "test-workflows");

    /** The test bundle's source node, which reads a CSV file named relative to the workflow folder. */
    /** testflow.properties keys naming the {@link TableInvariants} of one output. */
    static final java.util.regex.Pattern INVARIANTS = java.util.regex.Pattern.compile("invariants\\.node(\\d+)\\.port(\\d+)");

    static final String TEST_SOURCE_FACTORY = "org.bertgeometry.knime.workflows.CsvTableSourceNodeFactory";

    @TempDir
    Path tmp;

    static List<Path> workflowDirs() throws Exception {
        try (Stream<Path> s = Files.list(ROOT)) {
            return s.filter(d -> Files.isRegularFile(d.resolve("workflow.knime"))).sorted().toList();
        }
    }

    @Test
    void everyWorkflowFolderIsFoundAndEveryNodeSettingsFileIsListed() throws Exception {
        List<Path> dirs = workflowDirs();
        assertTrue(dirs.size() >= 5, "workflows found: " + dirs);
        for (Path d : dirs) {
            StoredWorkflow wf = StoredWorkflow.read(d);
            try (Stream<Path> s = Files.list(d)) {
                long nodeFolders = s.filter(p -> Files.isRegularFile(p.resolve("settings.xml"))).count();
                assertEquals(nodeFolders, wf.nodes().size(), d + ": every node folder is in workflow.knime");
            }
        }
    }

    /**
     * The example workflows (folders named example-*) are what a user opens in KNIME Analytics Platform: every node
     * in them must be one of this extension's nodes (listed in plugin.xml), never a test-only node.
     */
    @Test
    void exampleWorkflowsUseOnlyNodesOfThisExtension() throws Exception {
        String pluginXml;
        try (java.io.InputStream in = TestWorkflowsTest.class.getResourceAsStream("/plugin.xml")) {
            pluginXml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        java.util.Set<String> extensionNodes = new java.util.HashSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("factory-class=\"([^\"]+)\"").matcher(pluginXml);
        while (m.find()) {
            extensionNodes.add(m.group(1));
        }
        List<Path> examples = workflowDirs().stream().filter(d -> d.getFileName().toString().startsWith("example-"))
            .toList();
        assertTrue(examples.size() >= 2, "example workflows: " + examples);
        for (Path d : examples) {
            for (StoredWorkflow.Node n : StoredWorkflow.read(d).nodes().values()) {
                assertTrue(extensionNodes.contains(n.factory()), d.getFileName() + ": " + n.folder()
                    + " is no node of this extension (" + n.factory() + ")");
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyStoredWorkflowRunsAndMatchesItsExpectations() throws Exception {
        return workflowDirs().stream().map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> run(d)));
    }

    private void run(final Path dir) throws Exception {
        StoredWorkflow wf = StoredWorkflow.read(dir);
        Map<Integer, PortObject[]> outputs = new HashMap<>();
        Map<Integer, NodeModel> models = new HashMap<>();
        java.util.Set<Integer> failed = new java.util.HashSet<>();
        List<String> failures = new ArrayList<>();
        for (StoredWorkflow.Node n : wf.inConnectionOrder()) {
            // one context per node, as in KNIME: file store names are unique per node, not per workflow
            ExecutionContext exec = ShimExecution.createContext(tmp.resolve(wf.name()).resolve("node" + n.id()));
            if (n.factory().equals(TEST_SOURCE_FACTORY)) {
                // the test bundle's source node (knime-it) is not on this class path: read its file here
                outputs.put(n.id(), new PortObject[]{CsvTables.read(dir.resolve(n.model().getString("file")), exec)});
                continue;
            }
            NodeFactory<?> factory =
                (NodeFactory<?>)Class.forName(n.factory()).getConstructor().newInstance();
            NodeModel model = factory.createNodeModel();
            models.put(n.id(), model);
            ShimNodeRunner.loadSettings(model, n.model());
            int inputs = ShimNodeRunner.inputCount(model);
            PortObject[] in = new PortObject[inputs];
            PortObjectSpec[] specs = new PortObjectSpec[inputs];
            boolean upstreamFailed = false;
            for (int i = 0; i < inputs; i++) {
                int port = i + 1; // KNIME numbering: 0 is the flow-variable port
                StoredWorkflow.Connection c = wf.incoming(n.id(), port);
                if (c != null) {
                    PortObject[] up = outputs.get(c.sourceId());
                    if (up == null) {
                        upstreamFailed = true; // as in KNIME, nodes after a failed node do not execute
                        break;
                    }
                    in[i] = up[c.sourcePort() - 1];
                }
                specs[i] = in[i] == null ? null : in[i].getSpec();
            }
            if (upstreamFailed) {
                failed.add(n.id());
                continue;
            }
            String expectedError = wf.properties().getProperty("error.node" + n.id());
            try {
                ShimNodeRunner.configure(model, specs);
                PortObject[] out = ShimNodeRunner.execute(model, exec, in);
                if (expectedError != null) {
                    failures.add(n.folder() + " executed but should have failed with '" + expectedError + "'");
                }
                outputs.put(n.id(), out);
            } catch (Exception e) {
                failed.add(n.id());
                if (expectedError == null) {
                    throw new AssertionError(wf.name() + ": " + n.folder() + " failed: " + e, e);
                }
                String msg = String.valueOf(e.getMessage());
                if (!msg.contains(expectedError)) {
                    failures.add(n.folder() + " failed with '" + msg + "', expected '" + expectedError + "'");
                }
            }
        }
        double tolerance = Double.parseDouble(wf.properties().getProperty("tolerance", "1e-9"));
        Path expected = dir.resolve("expected");
        if (Files.isDirectory(expected)) {
            try (Stream<Path> s = Files.list(expected)) {
                for (Path e : s.sorted().toList()) {
                    String[] parts = e.getFileName().toString().split("\\.");
                    assertEquals(3, parts.length, "expected/<node>.<port>.csv: " + e);
                    int id = Integer.parseInt(parts[0].substring("node".length()));
                    int port = Integer.parseInt(parts[1].substring("port".length()));
                    PortObject[] out = outputs.get(id);
                    assertNotNull(out, wf.name() + ": node " + id + " has no output to compare with " + e);
                    for (String d : TableExpectation.compare(e, (BufferedDataTable)out[port - 1], tolerance)) {
                        failures.add(e.getFileName() + ": " + d);
                    }
                }
            }
        }
        for (String key : wf.properties().stringPropertyNames()) {
            java.util.regex.Matcher m = INVARIANTS.matcher(key);
            if (m.matches()) {
                PortObject[] out = outputs.get(Integer.parseInt(m.group(1)));
                assertNotNull(out, wf.name() + ": no output for " + key);
                for (String d : TableInvariants.check(wf.properties().getProperty(key),
                    (BufferedDataTable)out[Integer.parseInt(m.group(2)) - 1])) {
                    failures.add(key + ": " + d);
                }
            }
        }
        failures.addAll(portExpectations(wf.properties(), outputs, models, tolerance));
        if (!failures.isEmpty()) {
            fail(wf.name() + ":\n  " + String.join("\n  ", failures));
        }
    }

    /** The image and flow-variable expectations ({@link PortExpectations}) on the shim's outputs and models. */
    private static List<String> portExpectations(final java.util.Properties props, final Map<Integer, PortObject[]> outputs,
        final Map<Integer, NodeModel> models, final double tolerance) {
        List<String> problems = new java.util.ArrayList<>();
        for (String key : props.stringPropertyNames()) {
            java.util.regex.Matcher image = PortExpectations.IMAGE.matcher(key);
            java.util.regex.Matcher variable = PortExpectations.VARIABLE.matcher(key);
            if (image.matches()) {
                PortObject[] out = outputs.get(Integer.parseInt(image.group(1)));
                PortObject port = out == null ? null : out[Integer.parseInt(image.group(2)) - 1];
                PortExpectations.image(props.getProperty(key), port).forEach(d -> problems.add(key + ": " + d));
            } else if (variable.matches()) {
                NodeModel model = models.get(Integer.parseInt(variable.group(1)));
                Object value = model == null ? null : FlowVariablesOf.model(model).get(variable.group(2));
                PortExpectations.variable(variable.group(2), props.getProperty(key),
                    value == null ? null : value.toString(), tolerance).forEach(d -> problems.add(key + ": " + d));
            }
        }
        return problems;
    }
}
