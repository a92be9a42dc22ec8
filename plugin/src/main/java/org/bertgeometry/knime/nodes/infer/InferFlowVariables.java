package org.bertgeometry.knime.nodes.infer;

import org.bertgeometry.knime.nodes.FlowVariableValues;
import org.bertgeometry.knime.port.AttentionCapturePortObject;

/**
 * What Infer with Attention Capture publishes as flow variables: infer_rows (rows run through the model) and
 * infer_captured_samples (samples whose full attention maps were stored, bounded by the capture settings).
 */
final class InferFlowVariables {

    private InferFlowVariables() {
    }

    static FlowVariableValues of(final AttentionCapturePortObject.Contents contents) {
        return new FlowVariableValues()
            .putInt("infer_rows", Math.toIntExact(contents.samplesSeen()))
            .putInt("infer_captured_samples", contents.samplesStored());
    }
}
