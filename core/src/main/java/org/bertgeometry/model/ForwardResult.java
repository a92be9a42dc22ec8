package org.bertgeometry.model;

import java.util.List;
import java.util.Map;
import org.bertgeometry.capture.CapturedTensor;

/**
 * The outputs of one inference forward pass, copied to Java memory.
 *
 * @param lastHidden {@code [B][T][hidden]} final hidden states (padded positions included; only real
 *                   positions are meaningful)
 * @param pooled     {@code [B][hidden]} pooler output, or {@code null} when the model has no pooler
 * @param logits     {@code [B][labels]} classification logits, or {@code null} without a classifier
 * @param captures   per sample, hook name to captured tensor (empty maps when nothing was requested)
 */
public record ForwardResult(float[][][] lastHidden, float[][] pooled, float[][] logits,
        List<Map<String, CapturedTensor>> captures) {

    /** Argmax of each row of the logits. */
    public int[] predictions() {
        if (logits == null) {
            throw new IllegalStateException("the model has no classification head");
        }
        return BertModel.argmax(logits);
    }
}
