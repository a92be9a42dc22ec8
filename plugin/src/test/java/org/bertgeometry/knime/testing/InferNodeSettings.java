package org.bertgeometry.knime.testing;

import org.knime.core.node.NodeSettings;

/**
 * The Infer with Attention Capture node's settings as a workflow saved by its first release writes them
 * (no picture settings yet): columns {@code text} and {@code label}, batches of 2, no length limit, 2
 * stored samples, theta 0.3, every sample counted. Tests that need a capture, or old workflows, start here.
 */
public final class InferNodeSettings {

    private InferNodeSettings() {
    }

    /** A fresh copy, to be loaded into a new Infer node model. */
    public static NodeSettings firstRelease() {
        NodeSettings s = new NodeSettings("model");
        s.addString("text_column", "text");
        s.addString("label_column", "label");
        s.addInt("batch_size", 2);
        s.addInt("max_length", 0);
        s.addInt("max_stored_samples", 2);
        s.addDouble("theta", 0.3);
        s.addBoolean("only_correct", false);
        return s;
    }
}
