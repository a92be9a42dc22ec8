package org.bertgeometry.cli.variants;

import java.io.IOException;
import java.nio.file.Path;
import org.bertgeometry.checkpoint.ModelLoader;
import org.bertgeometry.training.TrainingMonitor;
import org.bertgeometry.training.TrainingSettings;
import org.bertgeometry.variants.augmentation.AugmentationSettings;
import org.bertgeometry.variants.classifier.LabelledSpikes;
import org.bertgeometry.variants.classifier.VariantClassifierTrainer;
import org.bertgeometry.variants.classifier.VariantPreset;
import picocli.CommandLine.Option;

/**
 * The options {@code train} and {@code case-study} share to choose and train a model (a picocli
 * mixin): the size preset, the pre-trained model the base preset fine-tunes, the number of epochs
 * and the seed, checked together so that both commands refuse the same mistakes with the same words.
 */
final class PresetOptions {

    /** The seed of every preset, and so the default of both commands. */
    static final long DEFAULT_SEED = 42;

    @Option(names = "--preset", paramLabel = "tiny|small|base", defaultValue = "small",
            description = "Model size and training defaults (default ${DEFAULT-VALUE}; base needs --base-model).")
    String preset;

    @Option(names = "--base-model", paramLabel = "PATH", description = "Pre-trained BERT to fine-tune with --preset "
            + "base, e.g. bert-base-cased as a Hugging Face folder.")
    Path baseModel;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: the preset's).")
    Integer epochs;

    @Option(names = "--seed", paramLabel = "S", description = "Seeds everything random: simulation, split, "
            + "initialisation, dropout and shuffling (default 42).")
    Long seed;

    /** The chosen preset; refuses base without a model to fine-tune, and a model with a from-scratch preset. */
    VariantPreset parse() {
        VariantPreset p = VariantPreset.parse(preset);
        if (p.needsBaseModel() && baseModel == null) {
            throw new IllegalArgumentException("the base preset fine-tunes a pre-trained BERT: give --base-model PATH");
        }
        if (!p.needsBaseModel() && baseModel != null) {
            throw new IllegalArgumentException("--base-model is only used with --preset base; preset " + preset
                    + " trains from scratch");
        }
        return p;
    }

    /** The seed given, or {@value #DEFAULT_SEED}. */
    long seed() {
        return seed != null ? seed : DEFAULT_SEED;
    }

    /** The preset's training settings with {@code --epochs} and {@code --seed} applied. */
    TrainingSettings training(VariantPreset p) {
        TrainingSettings t = p.training().withSeed(seed());
        return epochs != null ? t.withEpochs(epochs) : t;
    }

    /** Trains from scratch, or fine-tunes {@code --base-model} for the base preset, with {@code augmentation}. */
    VariantClassifierTrainer.Outcome train(VariantPreset p, TrainingSettings settings, LabelledSpikes train,
            LabelledSpikes validation, TrainingMonitor monitor, AugmentationSettings augmentation) throws IOException {
        VariantClassifierTrainer trainer = new VariantClassifierTrainer(settings).withAugmentation(augmentation);
        return p.needsBaseModel()
                ? trainer.fineTune(ModelLoader.load(baseModel), train, validation, monitor)
                : trainer.trainFromScratch(train, validation, p, monitor);
    }
}
