package org.bertgeometry.knime.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The real-KNIME suite: finds a KNIME installation once (or skips everything with one line) and runs the nested
 * groups of tests in KNIME processes. See docs/knime.md, "Real-KNIME test suite".
 */
class InRealKnimeIT {
    private static final String W = KnimeSuite.WORKFLOWS;

    private static KnimeSuite suite;

    @BeforeAll
    static void findKnime() throws Exception {
        suite = KnimeSuite.startOrSkip();
    }

    /**
     * Every example workflow (each folder of examples/ holding a workflow.knime, when the project has examples) runs
     * in one KNIME process exactly as a user would get it: loaded as stored, executed (every node, unless its
     * testflow.properties expects a failure), compared with any expectations it carries, saved and reloaded.
     */
    @Nested
    class Examples {
        @TestFactory
        Stream<DynamicTest> everyExampleRunsAsStored() throws Exception {
            List<String> names = KnimeSuite.examples();
            Assumptions.assumeFalse(names.isEmpty(), "no examples/ folder with workflows");
            return suite.session("examples", names.stream().map(n -> "check:" + KnimeSuite.EXAMPLES + "/" + n).toList());
        }
    }

    /**
     * Every stored test workflow (each folder of test-workflows/ holding a workflow.knime; a new folder is picked up
     * by itself) runs inside a real KNIME core, loaded from its files exactly as stored: executed, compared with its
     * expectations, saved, reloaded and saved again ({@code KnimeWorkflowDriver.check}). All workflows run in one
     * KNIME process in name order and in another in reverse order (state leaking from one workflow into the next
     * shows up whichever comes first), and each workflow alone in its own process. One workflow also runs headless
     * through KNIME's BatchExecutor. Each process works on its own byte copy of the workflows under target/.
     */
    @Nested
    class StoredWorkflows {
        static List<String> checks(final List<String> names) {
            return names.stream().map(n -> "check:" + W + "/" + n).toList();
        }

        @TestFactory
        Stream<DynamicTest> allWorkflowsInNameOrderInOneKnimeThenOneHeadlessInBatchMode() throws Exception {
            List<String> commands = new ArrayList<>(checks(KnimeSuite.workflows()));
            commands.add("batch:" + W + "/loader-tokenize-directionality");
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

    /**
     * Node behaviour that only a real KNIME shows. Engine state on KNIME's worker threads: Infer, then the Variant
     * Classifier (training), then Infer again in one process, and two Infer nodes plus a Variant Classifier on one
     * model port executing at the same time with the same outputs as one after the other (docs/knime.md, "DJL on
     * KNIME's worker threads"). Paths: the BERT Loader finds its model through every form of location a user may
     * type (docs/knime.md, "Paths"), and a workflow folder holding its model runs after being copied elsewhere.
     * Configure with input tables that do not fit the settings, a Text Reader naming a column its file (found
     * through a knime:// URL) lacks, and cancelling a training through KNIME's ExecutionMonitor. (Port-object save/load through real file stores and settings through real NodeSettings XML
     * are part of every stored workflow's check: see StoredWorkflows.)
     */
    @Nested
    class EngineStateAndPaths {
        private static final String TIED = W + "/loader-tokenize-directionality";

        @TestFactory
        Stream<DynamicTest> inferThenTrainingThenInferAgainAndParallelConsumersOfOneModelPort() throws Exception {
            return suite.session("engine-state", List.of(
                "check:" + W + "/loader-infer-pattern",
                "check:" + W + "/case-study",
                "check:" + W + "/loader-infer-pattern",
                "parallel:" + W + "/parallel-model-port"));
        }

        @TestFactory
        Stream<DynamicTest> theLoaderResolvesEveryFormOfModelLocation() throws Exception {
            String model = W + "/loader-tokenize-directionality/model";
            String folder = "setting:" + TIED + "|1|model_folder|";
            return suite.session("paths", List.of(
                folder + "knime://knime.workflow/model|",
                folder + "knime://knime.mountpoint/loader-tokenize-directionality/model|",
                folder + "knime://LOCAL/loader-tokenize-directionality/model|",
                folder + model + "|",
                folder + "file:" + model + "|",
                folder + "knime://Other-Mount/models/bert|'knime://Other-Mount/models/bert'",
                "moved:" + TIED));
        }

        @TestFactory
        Stream<DynamicTest> wrongInputSpecsFailAtConfigureAndCancellingLeavesNothingHalfMade() throws Exception {
            return suite.session("configure-and-cancel", List.of(
                "setting:" + W + "/loader-infer-pattern|2|text_column|no_such_column"
                    + "|The input table has no text column 'no_such_column'",
                "setting:" + W + "/cone-index|1|vector_column|g|Column 'g' is not a list column",
                "setting:" + W + "/cone-index|1|group_column|v|The group column 'v' does not hold strings",
                "setting:" + W + "/example-text|5|text_column|sentence|has no column 'sentence'",
                "cancel:" + W + "/case-study|1"));
        }
    }
}
