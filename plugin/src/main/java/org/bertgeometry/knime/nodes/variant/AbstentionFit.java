package org.bertgeometry.knime.nodes.variant;

import java.io.IOException;
import java.nio.file.Path;

import org.bertgeometry.checkpoint.BertCheckpoint;
import org.bertgeometry.inference.LoadedBert;
import org.bertgeometry.knime.engine.DjlContext;
import org.bertgeometry.variants.abstention.AbstentionCalibration;
import org.bertgeometry.variants.abstention.AbstentionRule;
import org.bertgeometry.variants.classifier.LabelledSpikes;
import org.bertgeometry.variants.classifier.VariantPredictor;
import org.bertgeometry.variants.reference.SarsCov2Reference;

/**
 * Fits the trained classifier's abstention rule (docs/methods.md, "Calibration and abstention": probability,
 * [CLS] distance and 12-mer signature thresholds, set on the validation rows) and writes it as
 * {@value AbstentionRule#FILE} into the model folder, so that it travels with the model on the port and the
 * Infer with Attention Capture node can answer "unassigned". The signatures' reference is the SARS-CoV-2
 * spike, as in {@code bertgeo train}.
 */
final class AbstentionFit {

    private AbstentionFit() {
    }

    /** Fits the rule for {@code model} and saves it into {@code modelFolder}. */
    static AbstentionRule fitAndSave(final BertCheckpoint model, final LabelledSpikes train,
        final LabelledSpikes validation, final Path modelFolder) throws Exception {
        AbstentionRule rule = DjlContext.call(() -> {
            try (LoadedBert bert = LoadedBert.open(model)) {
                return AbstentionCalibration.fit(new VariantPredictor(bert, 32), train, validation,
                    SarsCov2Reference.load().spike(), AbstentionCalibration.DEFAULT_RATE,
                    AbstentionCalibration.DEFAULT_MAX_PER_CLASS);
            }
        });
        try {
            rule.save(modelFolder);
        } catch (IOException e) {
            throw new IOException("Cannot write the abstention rule into the model folder: " + e.getMessage(), e);
        }
        return rule;
    }
}
