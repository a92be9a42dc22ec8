package org.bertgeometry.training;

/**
 * How a sequence classifier is trained. Defaults ({@link #paperDefaults()}) follow the paper's
 * fine-tuning (paper-methods 4.2): 2 epochs, batch 4, AdamW lr 2e-5 / eps 1e-8 / weight decay 0.01,
 * 10 % linear warm-up then linear decay, clipping at global norm 1.0, seed 42; early stopping off.
 *
 * @param epochs                 passes over the training set
 * @param batchSize              sequences per optimiser step
 * @param evalBatchSize          sequences per evaluation forward pass (no gradients, may be larger)
 * @param optimizer              AdamW settings; its learning rate is the schedule's peak
 * @param warmupFraction         fraction of all steps spent warming up, in [0, 1]
 * @param maxGradNorm            global gradient-norm limit; {@code <= 0} disables clipping
 * @param seed                   seeds shuffling, dropout and any new weights
 * @param earlyStoppingPatience  stop after this many epochs without a better validation score; 0 = never
 */
public record TrainingSettings(int epochs, int batchSize, int evalBatchSize, AdamWSettings optimizer,
        double warmupFraction, double maxGradNorm, long seed, int earlyStoppingPatience) {

    public TrainingSettings {
        if (epochs <= 0) {
            throw new IllegalArgumentException("epochs must be positive, got " + epochs);
        }
        if (batchSize <= 0 || evalBatchSize <= 0) {
            throw new IllegalArgumentException("batch sizes must be positive, got " + batchSize + " and " + evalBatchSize);
        }
        if (!(warmupFraction >= 0 && warmupFraction <= 1)) {
            throw new IllegalArgumentException("warm-up fraction must lie in [0, 1], got " + warmupFraction);
        }
        if (earlyStoppingPatience < 0) {
            throw new IllegalArgumentException("early-stopping patience must be >= 0, got " + earlyStoppingPatience);
        }
    }

    /** The paper's configuration (see the class comment). */
    public static TrainingSettings paperDefaults() {
        return new TrainingSettings(2, 4, 4, AdamWSettings.paperDefaults(), 0.1, 1.0, 42, 0);
    }

    public TrainingSettings withEpochs(int n) {
        return new TrainingSettings(n, batchSize, evalBatchSize, optimizer, warmupFraction, maxGradNorm, seed,
                earlyStoppingPatience);
    }

    public TrainingSettings withBatchSize(int n) {
        return new TrainingSettings(epochs, n, Math.max(n, evalBatchSize), optimizer, warmupFraction, maxGradNorm,
                seed, earlyStoppingPatience);
    }

    public TrainingSettings withLearningRate(double lr) {
        return new TrainingSettings(epochs, batchSize, evalBatchSize, optimizer.withLearningRate(lr), warmupFraction,
                maxGradNorm, seed, earlyStoppingPatience);
    }

    public TrainingSettings withSeed(long s) {
        return new TrainingSettings(epochs, batchSize, evalBatchSize, optimizer, warmupFraction, maxGradNorm, s,
                earlyStoppingPatience);
    }

    public TrainingSettings withEarlyStopping(int patience) {
        return new TrainingSettings(epochs, batchSize, evalBatchSize, optimizer, warmupFraction, maxGradNorm, seed,
                patience);
    }
}
