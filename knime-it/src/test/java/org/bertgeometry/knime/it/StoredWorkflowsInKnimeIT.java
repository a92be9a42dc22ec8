package org.bertgeometry.knime.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every stored test workflow (each folder of test-workflows/ holding a workflow.knime; a new folder is picked up
 * by itself) runs inside a real KNIME core, loaded from its files exactly as stored: executed, compared with its
 * expectations, saved, reloaded and saved again ({@code KnimeWorkflowDriver.check}). All workflows run in one
 * KNIME process in name order and in another in reverse order (state leaking from one workflow into the next
 * shows up whichever comes first), and each workflow alone in its own process. One workflow also runs headless
 * through KNIME's BatchExecutor. Each process works on its own byte copy of the workflows under target/.
 */
class StoredWorkflowsInKnimeIT {

    private static KnimeSuite suite;

    @BeforeAll
    static void findKnime() throws Exception {
        suite = KnimeSuite.startOrSkip();
    }

    static List<String> checks(final List<String> names) {
        return names.stream().map(n -> "check:" + KnimeSuite.WORKFLOWS + "/" + n).toList();
    }

    @TestFactory
    Stream<DynamicTest> allWorkflowsInNameOrderInOneKnimeThenOneHeadlessInBatchMode() throws Exception {
        List<String> commands = new ArrayList<>(checks(KnimeSuite.workflows()));
        commands.add("batch:" + KnimeSuite.WORKFLOWS + "/loader-tokenize-directionality");
        return suite.session("name-order", commands);
    }

    @TestFactory
    Stream<DynamicTest> allWorkflowsInReverseOrderInOneKnime() throws Exception {
        List<String> names = new ArrayList<>(KnimeSuite.workflows());
        Collections.reverse(names);
        return suite.session("reverse-order", checks(names));
    }

    @TestFactory
    Stream<DynamicTest> eachWorkflowAloneInItsOwnKnime() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : KnimeSuite.workflows()) {
            suite.session("alone-" + name, checks(List.of(name))).forEach(tests::add);
        }
        return tests.stream();
    }

    @Test
    void theSuiteFindsEveryStoredWorkflow() throws Exception {
        assertTrue(KnimeSuite.workflows().size() >= 8, "workflows: " + KnimeSuite.workflows());
    }
}
