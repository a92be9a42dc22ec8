package org.bertgeometry.knime.it;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Node behaviour that only a real KNIME shows. Engine state on KNIME's worker threads: Infer, then the Variant
 * Classifier (training), then Infer again in one process, and two Infer nodes plus a Variant Classifier on one
 * model port executing at the same time with the same outputs as one after the other (docs/knime.md, "DJL on
 * KNIME's worker threads"). Paths: the BERT Loader finds its model through every form of location a user may
 * type (docs/knime.md, "Paths"), and a workflow folder holding its model runs after being copied elsewhere.
 * Configure with input tables that do not fit the settings, and cancelling a training through KNIME's
 * ExecutionMonitor. (Port-object save/load through real file stores and settings through real NodeSettings XML
 * are part of every stored workflow's check: see StoredWorkflowsInKnimeIT.)
 */
class EngineStateAndPathsInKnimeIT {
    private static final String W = KnimeSuite.WORKFLOWS;
    private static final String TIED = W + "/loader-tokenize-directionality";

    private static KnimeSuite suite;

    @BeforeAll
    static void findKnime() throws Exception {
        suite = KnimeSuite.startOrSkip();
    }

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
            "cancel:" + W + "/case-study|1"));
    }
}
