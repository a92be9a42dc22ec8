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
        return suite.session("paths", List.of(
            "loaderPath:" + TIED + "|knime://knime.workflow/model|",
            "loaderPath:" + TIED + "|knime://knime.mountpoint/loader-tokenize-directionality/model|",
            "loaderPath:" + TIED + "|knime://LOCAL/loader-tokenize-directionality/model|",
            "loaderPath:" + TIED + "|" + model + "|",
            "loaderPath:" + TIED + "|file:" + model + "|",
            "loaderPath:" + TIED + "|knime://Other-Mount/models/bert|'knime://Other-Mount/models/bert'",
            "moved:" + TIED));
    }
}
