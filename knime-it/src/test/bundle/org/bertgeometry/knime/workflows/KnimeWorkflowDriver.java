package org.bertgeometry.knime.workflows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.knime.core.data.DataRow;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.workflow.BatchExecutor;
import org.knime.core.node.workflow.FlowVariable;
import org.knime.core.node.workflow.NodeContainer;
import org.knime.core.node.workflow.NodeID;
import org.knime.core.node.workflow.NodeMessage;
import org.knime.core.node.workflow.SingleNodeContainer;
import org.knime.core.node.workflow.WorkflowLoadHelper;
import org.knime.core.node.workflow.WorkflowManager;
import org.knime.core.node.workflow.WorkflowPersistor.LoadResultEntry.LoadResultEntryType;
import org.knime.core.node.workflow.WorkflowPersistor.WorkflowLoadResult;
import org.knime.core.node.workflow.contextv2.WorkflowContextV2;

/**
 * The real-KNIME side of the suite: each public method takes a workflow folder (a copy under target/, never the
 * stored original), does its work through KNIME's own WorkflowManager and returns the problems found, empty
 * when everything holds. Called by reflection from the launcher, so only JDK types cross the framework boundary.
 * The checks follow test-workflows/README.md: expected failures ({@code error.node<id>}), every other node
 * executed, and each {@code expected/node<id>.port<p>.csv} compared with the Table Difference Checker rules of
 * {@link TableExpectation}.
 */
public final class KnimeWorkflowDriver {
    /** testflow.properties keys naming the {@link TableInvariants} of one output. */
    private static final Pattern INVARIANTS = Pattern.compile("invariants\\.node(\\d+)\\.port(\\d+)");

    private KnimeWorkflowDriver() {
    }

    /**
     * Loads the workflow as stored, executes it, checks states, failures and expected outputs, saves it; then twice
     * loads the saved workflow, checks that every node kept its state and every output is readable and still
     * matches, and saves again (load-save-load).
     */
    public static List<String> check(final String workflowDir) throws Exception {
        Path dir = Path.of(workflowDir);
        Properties props = testflow(dir);
        List<String> problems = new ArrayList<>();
        Map<Integer, Boolean> executed;
        WorkflowManager wfm = load(dir, problems);
        try {
            wfm.resetAndConfigureAll(); // a folder saved by an earlier check runs again from scratch
            wfm.executeAllAndWaitUntilDone();
            executed = states(wfm);
            problems.addAll(expectedStates(wfm, props));
            problems.addAll(expectedOutputs(wfm, dir, props, "after execution"));
            wfm.save(dir.toFile(), new ExecutionMonitor(), true);
        } finally {
            close(wfm);
        }
        for (int round = 1; round <= 2; round++) {
            String when = round == 1 ? "after save and reload" : "after a second save and reload";
            wfm = load(dir, problems);
            try {
                if (!executed.equals(states(wfm))) {
                    problems.add(when + ": executed nodes " + states(wfm) + ", before saving " + executed);
                }
                problems.addAll(readable(wfm, when));
                if (round == 1) {
                    problems.addAll(consumersOfStoredPortObjectsAgree(wfm));
                }
                problems.addAll(expectedOutputs(wfm, dir, props, when));
                wfm.save(dir.toFile(), new ExecutionMonitor(), true);
            } finally {
                close(wfm);
            }
        }
        return problems;
    }

    /** Runs the workflow headless through KNIME's BatchExecutor, as {@code knime -application ...} would. */
    public static List<String> batch(final String workflowDir) {
        int rc = BatchExecutor.mainRun("-workflowDir=" + workflowDir, "-nosave", "-reset");
        return rc == 0 ? List.of() : List.of("BatchExecutor.mainRun returned " + rc + " (0 means every node ran)");
    }

    /**
     * KNIME's parallel execution against sequential execution: the workflow executes as a whole (KNIME starts every
     * node whose inputs are ready at once, e.g. several consumers of one model port), and a byte copy of it
     * executes one node at a time; every output table must be equal cell for cell, and the parallel run must meet
     * the workflow's own expectations.
     */
    public static List<String> parallel(final String workflowDir) throws Exception {
        Path dir = Path.of(workflowDir);
        Path sequentialDir = dir.resolveSibling(dir.getFileName() + "-sequential");
        FolderCopy.copy(dir, sequentialDir);
        Properties props = testflow(dir);
        List<String> problems = new ArrayList<>();
        WorkflowManager parallel = load(dir, problems);
        WorkflowManager sequential = load(sequentialDir, problems);
        try {
            int atOnce = executeAllCountingNodesExecutingAtOnce(parallel);
            System.out.println("[knime-it] " + dir.getFileName() + ": at most " + atOnce + " nodes executing at once");
            if (atOnce < 2) {
                problems.add("KNIME never executed two nodes at the same time (at most " + atOnce
                    + "): the parallel case was not tested");
            }
            problems.addAll(expectedStates(parallel, props));
            problems.addAll(expectedOutputs(parallel, dir, props, "parallel"));
            for (NodeContainer nc : sequential.getNodeContainers()) {
                sequential.executeUpToHere(nc.getID());
                sequential.waitWhileInExecution(10, TimeUnit.MINUTES);
            }
            for (NodeContainer nc : parallel.getNodeContainers()) {
                NodeContainer other = sequential.getNodeContainer(sequential.getID().createChild(nc.getID().getIndex()));
                for (int p = 1; p < nc.getNrOutPorts(); p++) {
                    PortObject a = nc.getOutPort(p).getPortObject();
                    PortObject b = other.getOutPort(p).getPortObject();
                    if (a instanceof BufferedDataTable ta && b instanceof BufferedDataTable tb) {
                        String d = TableDifference.firstDifference(ta, tb);
                        if (d != null) {
                            problems.add(nc.getNameWithID() + " port " + p + ", parallel vs sequential: " + d);
                        }
                    } else if (a == null || b == null) {
                        problems.add(nc.getNameWithID() + " port " + p + ": no output (parallel " + a
                            + ", sequential " + b + ")");
                    }
                }
            }
        } finally {
            close(parallel);
            close(sequential);
        }
        return problems;
    }

    /**
     * One setting of one node changed through KNIME's own settings API (saveNodeSettings, then loadNodeSettings,
     * which validates), then the workflow executes: with an expected error, that node must fail (at configure or
     * execute) with a message containing it; without, the whole workflow must run and meet its expectations.
     * Arguments: {@code <workflow folder>|<node id>|<key in the model settings>|<value>|<expected error or empty>}.
     * Nothing is saved.
     */
    public static List<String> setting(final String arg) throws Exception {
        String[] a = arg.split("\\|", -1);
        Path dir = Path.of(a[0]);
        Properties props = testflow(dir);
        List<String> problems = new ArrayList<>();
        WorkflowManager wfm = load(dir, problems);
        try {
            NodeID id = wfm.getID().createChild(Integer.parseInt(a[1]));
            NodeSettings s = new NodeSettings("settings");
            wfm.saveNodeSettings(id, s);
            s.getNodeSettings("model").addString(a[2], a[3]);
            wfm.loadNodeSettings(id, s);
            wfm.executeAllAndWaitUntilDone();
            NodeContainer nc = wfm.getNodeContainer(id);
            if (a[4].isEmpty()) {
                problems.addAll(expectedStates(wfm, props));
                problems.addAll(expectedOutputs(wfm, dir, props, a[2] + "=" + a[3]));
            } else if (nc.getNodeContainerState().isExecuted() || !nc.getNodeMessage().getMessage().contains(a[4])) {
                problems.add(nc.getNameWithID() + " should fail naming '" + a[4] + "'; state "
                    + nc.getNodeContainerState() + ", message '" + nc.getNodeMessage().getMessage() + "'");
            }
        } finally {
            close(wfm);
        }
        return problems;
    }

    /**
     * Cancelling through KNIME's ExecutionMonitor: node {@code <id>} is cancelled while it executes; it must end
     * not executed, with nothing half-made in its ports, and the workflow must then execute completely and meet
     * its expectations. Arguments: {@code <workflow folder>|<node id>}.
     */
    public static List<String> cancel(final String arg) throws Exception {
        String[] a = arg.split("\\|", -1);
        Path dir = Path.of(a[0]);
        List<String> problems = new ArrayList<>();
        WorkflowManager wfm = load(dir, problems);
        try {
            NodeContainer nc = wfm.getNodeContainer(wfm.getID().createChild(Integer.parseInt(a[1])));
            wfm.executeAll();
            long deadline = System.currentTimeMillis() + 60_000;
            while (!nc.getNodeContainerState().isExecutionInProgress() && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            wfm.cancelExecution(nc);
            wfm.waitWhileInExecution(2, TimeUnit.MINUTES);
            if (nc.getNodeContainerState().isExecuted()) {
                problems.add(nc.getNameWithID() + " finished before it could be cancelled; nothing was tested");
            }
            for (int p = 1; p < nc.getNrOutPorts(); p++) {
                if (nc.getOutPort(p).getPortObject() != null) {
                    problems.add("cancelled " + nc.getNameWithID() + " left an output at port " + p);
                }
            }
            wfm.resetAndConfigureAll();
            wfm.executeAllAndWaitUntilDone();
            problems.addAll(expectedStates(wfm, testflow(dir)));
            problems.addAll(expectedOutputs(wfm, dir, testflow(dir), "executed after the cancellation"));
        } finally {
            close(wfm);
        }
        return problems;
    }

    /**
     * A workflow folder copied elsewhere on its own (under a new name with a space, in a folder that is not the
     * mount point it came from) still runs: its {@code knime://knime.workflow/} paths follow the folder.
     */
    public static List<String> moved(final String workflowDir) throws Exception {
        Path dir = Path.of(workflowDir);
        Path target = dir.getParent().resolveSibling("moved").resolve("copy of " + dir.getFileName());
        FolderCopy.copy(dir, target);
        return check(target.toString());
    }

    /**
     * Executes the whole workflow and watches its nodes while it runs.
     *
     * @return the largest number of nodes seen in KNIME's EXECUTING state at the same moment
     */
    private static int executeAllCountingNodesExecutingAtOnce(final WorkflowManager wfm) throws InterruptedException {
        wfm.executeAll();
        int most = 0;
        while (wfm.getNodeContainerState().isExecutionInProgress()) {
            int now = (int)wfm.getNodeContainers().stream()
                .filter(nc -> nc.getNodeContainerState().toString().equals("EXECUTING")).count();
            most = Math.max(most, now);
            Thread.sleep(1);
        }
        return most;
    }

    static Properties testflow(final Path dir) throws IOException {
        Properties p = new Properties();
        Path f = dir.resolve("testflow.properties");
        if (Files.exists(f)) {
            try (InputStream in = Files.newInputStream(f)) {
                p.load(in);
            }
        }
        return p;
    }

    /**
     * Loads a workflow folder with the context KNIME gives a workflow of the LOCAL mount point: the folder's parent
     * is the mount point root (as a workspace holding workflows is).
     */
    static WorkflowManager load(final Path dir, final List<String> problems) throws Exception {
        WorkflowContextV2 context = WorkflowContextV2.builder()
            .withAnalyticsPlatformExecutor(exec -> exec.withCurrentUserAsUserId().withLocalWorkflowPath(dir)
                .withMountpoint("LOCAL", dir.getParent()))
            .withLocalLocation().build();
        WorkflowLoadResult r = WorkflowManager.loadProject(dir.toFile(), new ExecutionMonitor(),
            new WorkflowLoadHelper(context));
        if (r.hasErrors()) {
            problems.add("load errors: " + r.getFilteredError("", LoadResultEntryType.Error));
        }
        return r.getWorkflowManager();
    }

    static void close(final WorkflowManager wfm) {
        WorkflowManager.ROOT.removeProject(wfm.getID());
    }

    /** @return executed or not, per node id */
    static Map<Integer, Boolean> states(final WorkflowManager wfm) {
        Map<Integer, Boolean> m = new TreeMap<>();
        for (NodeContainer nc : wfm.getNodeContainers()) {
            m.put(nc.getID().getIndex(), nc.getNodeContainerState().isExecuted());
        }
        return m;
    }

    private static List<String> expectedStates(final WorkflowManager wfm, final Properties props) {
        List<String> problems = new ArrayList<>();
        for (NodeContainer nc : wfm.getNodeContainers()) {
            String expectedError = props.getProperty("error.node" + nc.getID().getIndex());
            NodeMessage msg = nc.getNodeMessage();
            boolean executed = nc.getNodeContainerState().isExecuted();
            if (expectedError == null && !executed) {
                problems.add(nc.getNameWithID() + " did not execute: " + msg.getMessageType() + " " + msg.getMessage());
            } else if (expectedError != null && executed) {
                problems.add(nc.getNameWithID() + " executed but should have failed with '" + expectedError + "'");
            } else if (expectedError != null && (msg.getMessageType() != NodeMessage.Type.ERROR
                || !msg.getMessage().contains(expectedError))) {
                problems.add(nc.getNameWithID() + " failed with " + msg.getMessageType() + " '" + msg.getMessage()
                    + "', expected an error containing '" + expectedError + "'");
            }
        }
        return problems;
    }

    static List<String> expectedOutputs(final WorkflowManager wfm, final Path dir, final Properties props,
        final String when) throws IOException {
        List<String> problems = new ArrayList<>();
        for (String key : props.stringPropertyNames()) {
            Matcher m = INVARIANTS.matcher(key);
            if (m.matches()) {
                NodeContainer nc = wfm.getNodeContainer(wfm.getID().createChild(Integer.parseInt(m.group(1))));
                PortObject po = nc.getOutPort(Integer.parseInt(m.group(2))).getPortObject();
                if (po instanceof BufferedDataTable table) {
                    TableInvariants.check(props.getProperty(key), table).forEach(d -> problems.add(when + ": " + key
                        + ": " + d));
                } else {
                    problems.add(when + ": " + key + ": no table at " + nc.getNameWithID());
                }
            }
        }
        problems.addAll(portExpectations(wfm, props, when));
        Path expected = dir.resolve("expected");
        if (!Files.isDirectory(expected)) {
            return problems;
        }
        double tolerance = Double.parseDouble(props.getProperty("tolerance", "1e-9"));
        try (Stream<Path> s = Files.list(expected)) {
            for (Path e : s.sorted().toList()) {
                String[] parts = e.getFileName().toString().split("\\.");
                int id = Integer.parseInt(parts[0].substring("node".length()));
                int port = Integer.parseInt(parts[1].substring("port".length()));
                NodeContainer nc = wfm.getNodeContainer(wfm.getID().createChild(id));
                PortObject po = nc.getOutPort(port).getPortObject();
                if (!(po instanceof BufferedDataTable table)) {
                    problems.add(when + ": " + e.getFileName() + ": no table at " + nc.getNameWithID() + " port "
                        + port + " (" + po + ")");
                    continue;
                }
                for (String d : TableExpectation.compare(e, table, tolerance)) {
                    problems.add(when + ": " + e.getFileName() + ": " + d);
                }
            }
        }
        return problems;
    }

    /**
     * After a reload, every node fed by a non-table port object (a model or an attention capture, restored from
     * KNIME's file stores) is reset and executed again from the restored object; its tables must equal those of
     * the first run (wall-clock columns aside), so the restored object is complete, not just present.
     */
    private static List<String> consumersOfStoredPortObjectsAgree(final WorkflowManager wfm) {
        List<String> problems = new ArrayList<>();
        for (NodeContainer nc : wfm.getNodeContainers()) {
            boolean fedByStoredObject = wfm.getIncomingConnectionsFor(nc.getID()).stream().anyMatch(c -> {
                NodeContainer src = wfm.getNodeContainer(c.getSource());
                return src.getNodeContainerState().isExecuted()
                    && !BufferedDataTable.TYPE.equals(src.getOutPort(c.getSourcePort()).getPortType());
            });
            if (!fedByStoredObject || !nc.getNodeContainerState().isExecuted()) {
                continue;
            }
            List<TableDifference.Snapshot> before = tables(nc);
            wfm.resetAndConfigureNode(nc.getID());
            wfm.executeUpToHere(nc.getID());
            try {
                wfm.waitWhileInExecution(10, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                problems.add("interrupted while re-executing " + nc.getNameWithID());
                return problems;
            }
            List<TableDifference.Snapshot> after = tables(nc);
            for (int i = 0; i < before.size(); i++) {
                String d = after.size() != before.size() || after.get(i) == null ? "no output after re-execution"
                    : TableDifference.firstDifference(before.get(i), after.get(i));
                if (d != null) {
                    problems.add(nc.getNameWithID() + " re-executed from reloaded inputs: " + d);
                }
            }
        }
        wfm.executeAllAndWaitUntilDone(); // the successors that the resets reset
        return problems;
    }

    private static List<TableDifference.Snapshot> tables(final NodeContainer nc) {
        List<TableDifference.Snapshot> out = new ArrayList<>();
        for (int p = 1; p < nc.getNrOutPorts(); p++) {
            if (nc.getOutPort(p).getPortObject() instanceof BufferedDataTable t) {
                out.add(TableDifference.Snapshot.of(t));
            } else if (BufferedDataTable.TYPE.equals(nc.getOutPort(p).getPortType())) {
                out.add(null);
            }
        }
        return out;
    }

    /** Every output of every executed node can be read: all rows of each table, spec and summary of the rest. */
    private static List<String> readable(final WorkflowManager wfm, final String when) {
        List<String> problems = new ArrayList<>();
        for (NodeContainer nc : wfm.getNodeContainers()) {
            if (!nc.getNodeContainerState().isExecuted()) {
                continue;
            }
            for (int p = 1; p < nc.getNrOutPorts(); p++) { // port 0 is the flow-variable port
                try {
                    PortObject po = nc.getOutPort(p).getPortObject();
                    if (po == null) {
                        problems.add(when + ": " + nc.getNameWithID() + " port " + p + " has no object");
                    } else if (po instanceof BufferedDataTable t) {
                        long n = 0;
                        for (DataRow r : t) {
                            for (int c = 0; c < r.getNumCells(); c++) {
                                r.getCell(c).toString();
                            }
                            n++;
                        }
                        if (n != t.size()) {
                            problems.add(when + ": " + nc.getNameWithID() + " port " + p + " has " + n
                                + " rows, its size says " + t.size());
                        }
                    } else if (po.getSpec() == null || po.getSummary() == null) {
                        problems.add(when + ": " + nc.getNameWithID() + " port " + p + " lacks spec or summary");
                    }
                } catch (RuntimeException e) {
                    problems.add(when + ": " + nc.getNameWithID() + " port " + p + " is unreadable: " + e);
                }
            }
        }
        return problems;
    }


    /**
     * The image and flow-variable expectations ({@link PortExpectations}): images from the output ports, variables
     * from the node's outgoing flow object stack, after execution and after every reload.
     */
    private static List<String> portExpectations(final WorkflowManager wfm, final Properties props,
        final String when) {
        List<String> problems = new ArrayList<>();
        double tolerance = Double.parseDouble(props.getProperty("tolerance", "1e-9"));
        for (String key : props.stringPropertyNames()) {
            Matcher image = PortExpectations.IMAGE.matcher(key);
            Matcher variable = PortExpectations.VARIABLE.matcher(key);
            if (image.matches()) {
                NodeContainer nc = wfm.getNodeContainer(wfm.getID().createChild(Integer.parseInt(image.group(1))));
                PortObject po = nc.getOutPort(Integer.parseInt(image.group(2))).getPortObject();
                PortExpectations.image(props.getProperty(key), po).forEach(d -> problems.add(when + ": " + key + ": "
                    + d));
            } else if (variable.matches()) {
                NodeContainer nc = wfm.getNodeContainer(wfm.getID().createChild(Integer.parseInt(variable.group(1))));
                FlowVariable v = nc instanceof SingleNodeContainer snc && snc.getOutgoingFlowObjectStack() != null
                    ? snc.getOutgoingFlowObjectStack().getAllAvailableFlowVariables().get(variable.group(2)) : null;
                PortExpectations.variable(variable.group(2), props.getProperty(key),
                    v == null ? null : v.getValueAsString(), tolerance).forEach(d -> problems.add(when + ": " + key
                        + ": " + d));
            }
        }
        return problems;
    }
}
