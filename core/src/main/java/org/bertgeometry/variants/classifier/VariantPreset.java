package org.bertgeometry.variants.classifier;

import java.util.List;
import java.util.Locale;
import org.bertgeometry.model.Activation;
import org.bertgeometry.model.BertConfig;
import org.bertgeometry.training.AdamWSettings;
import org.bertgeometry.training.TrainingSettings;

/**
 * Ready-made model sizes and training settings for the variant classifier.
 * <ul>
 *   <li>{@code TINY}: 1 layer, hidden 32, 2 heads, 16 epochs; for tests (with fewer epochs) and quick
 *       looks, about a minute per hundred sequences per class on two cores.</li>
 *   <li>{@code SMALL}: 2 layers, hidden 64, 4 heads, trained from scratch; the default case study,
 *       a few minutes on two CPU cores.</li>
 *   <li>{@code BASE}: the paper's configuration: fine-tune a BERT-Base Cased checkpoint (12 layers,
 *       768 hidden, 12 heads) with the k-mer vocabulary added, 2 epochs, batch 4, AdamW lr 2e-5.
 *       Needs the checkpoint on disk and hours of CPU time.</li>
 * </ul>
 * All use k = 12, stride 9 and 512 positions (paper-methods 3.1), warm-up 10 %, clipping at 1.0.
 */
public enum VariantPreset {
    // measured: 120 genomes per class, 16 epochs -> 0.995 test accuracy (docs/case-study.md)
    TINY(1, 32, 2, 64, new TrainingSettings(16, 8, 32, new AdamWSettings(3e-3, 0.9, 0.999, 1e-8, 0.01), 0.1, 1.0, 42, 0)),
    // measured on the simulated case study (docs/case-study.md): 10 epochs at batch 8, peak lr 2e-3
    SMALL(2, 64, 4, 128, new TrainingSettings(10, 8, 32, new AdamWSettings(2e-3, 0.9, 0.999, 1e-8, 0.01), 0.1, 1.0, 42, 0)),
    BASE(12, 768, 12, 3072, TrainingSettings.paperDefaults());

    /** Positions of every preset: 510 k-mers plus [CLS] and [SEP], as in the paper. */
    public static final int MAX_POSITIONS = 512;

    private final int layers;
    private final int hidden;
    private final int heads;
    private final int intermediate;
    private final TrainingSettings training;

    VariantPreset(int layers, int hidden, int heads, int intermediate, TrainingSettings training) {
        this.layers = layers;
        this.hidden = hidden;
        this.heads = heads;
        this.intermediate = intermediate;
        this.training = training;
    }

    /** The training settings of this preset. */
    public TrainingSettings training() {
        return training;
    }

    /** Whether this preset fine-tunes a pre-trained checkpoint rather than training from scratch. */
    public boolean needsBaseModel() {
        return this == BASE;
    }

    /** A from-scratch encoder config of this size for {@code vocabSize} tokens and {@code labels}. */
    public BertConfig config(int vocabSize, List<String> labels) {
        return new BertConfig(vocabSize, hidden, layers, heads, intermediate, Activation.GELU, MAX_POSITIONS, 2,
                1e-12, 0.1, 0.1, labels);
    }

    /** Parses {@code tiny}, {@code small} or {@code base} (any case). */
    public static VariantPreset parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown preset '" + name + "'; use tiny, small or base", e);
        }
    }
}
