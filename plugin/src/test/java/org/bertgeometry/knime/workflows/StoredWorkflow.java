package org.bertgeometry.knime.workflows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;

/**
 * A test workflow read from its files: the nodes and connections of {@code workflow.knime} (KNIME's XMLConfig
 * format, keys as KNIME's FileWorkflowPersistor reads them), each node's {@code settings.xml} (factory class and
 * the {@code model} settings), and {@code testflow.properties} (expected
 * errors, numeric tolerance).
 */
record StoredWorkflow(Path dir, TreeMap<Integer, Node> nodes, List<Connection> connections, Properties properties) {

    /** One native node: its id, folder, factory class name and the settings its NodeModel loads. */
    record Node(int id, String folder, String factory, NodeSettingsRO model) {
    }

    /** A connection between KNIME port numbers (0 is the flow-variable port, data ports start at 1). */
    record Connection(int sourceId, int sourcePort, int destId, int destPort) {
    }

    /**
     * KNIME's workflow-relative URL prefix. The test runner resolves it against the workflow folder before the
     * settings reach the node (the BERT Loader itself takes plain file-system paths).
     */
    static final String WORKFLOW_URL = "knime://knime.workflow/";

    static StoredWorkflow read(final Path dir) throws IOException, InvalidSettingsException {
        NodeSettingsRO wf = xml(dir.resolve("workflow.knime"), dir);
        TreeMap<Integer, Node> nodes = new TreeMap<>();
        NodeSettingsRO nodeList = wf.getNodeSettings("nodes");
        for (String key : ((NodeSettings)nodeList).keySet()) {
            NodeSettingsRO n = nodeList.getNodeSettings(key);
            if (n.getBoolean("node_is_meta") || !"NativeNode".equals(n.getString("node_type"))) {
                throw new InvalidSettingsException(key + ": only native nodes are supported by the test runner");
            }
            String file = n.getString("node_settings_file");
            NodeSettingsRO settings = xml(dir.resolve(file), dir);
            int id = n.getInt("id");
            nodes.put(id, new Node(id, Path.of(file).getParent().toString(), settings.getString("factory"),
                settings.getNodeSettings("model")));
        }
        List<Connection> conns = new ArrayList<>();
        NodeSettingsRO connList = wf.getNodeSettings("connections");
        for (String key : ((NodeSettings)connList).keySet()) {
            NodeSettingsRO c = connList.getNodeSettings(key);
            conns.add(new Connection(c.getInt("sourceID"), c.getInt("sourcePort"), c.getInt("destID"),
                c.getInt("destPort")));
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve("testflow.properties"))) {
            p.load(in);
        }
        return new StoredWorkflow(dir, nodes, conns, p);
    }

    private static NodeSettingsRO xml(final Path file, final Path workflowDir) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8)
            .replace(WORKFLOW_URL, workflowDir.toAbsolutePath().toString() + "/");
        try (InputStream in = new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))) {
            return NodeSettings.loadFromXML(in);
        }
    }

    /** @return the nodes in an order where every node comes after the nodes feeding it (ids break ties) */
    List<Node> inConnectionOrder() {
        List<Node> order = new ArrayList<>();
        Set<Integer> done = new HashSet<>();
        while (order.size() < nodes.size()) {
            Node next = nodes.values().stream().filter(n -> !done.contains(n.id()))
                .filter(n -> connections.stream().noneMatch(c -> c.destId() == n.id() && !done.contains(c.sourceId())))
                .findFirst().orElseThrow(() -> new IllegalStateException(name() + ": the connections form a cycle"));
            order.add(next);
            done.add(next.id());
        }
        return order;
    }

    /** The node feeding KNIME port {@code port} of node {@code id}, if connected. */
    Connection incoming(final int id, final int port) {
        return connections.stream().filter(c -> c.destId() == id && c.destPort() == port).findFirst().orElse(null);
    }

    String name() {
        return dir.getFileName().toString();
    }
}
