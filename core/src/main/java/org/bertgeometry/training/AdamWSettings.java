package org.bertgeometry.training;

/**
 * Hyper-parameters of {@link AdamW}. Defaults are those the paper's fine-tuning used (PyTorch
 * {@code AdamW(lr=2e-5, eps=1e-8)} with its default betas (0.9, 0.999) and weight decay 0.01 applied
 * to every parameter); see docs/methods.md, "Training".
 */
public record AdamWSettings(double learningRate, double beta1, double beta2, double epsilon, double weightDecay) {

    public AdamWSettings {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        }
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("betas must lie in [0, 1), got " + beta1 + ", " + beta2);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be positive, got " + epsilon);
        }
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
        }
    }

    /** lr 2e-5, betas (0.9, 0.999), eps 1e-8, weight decay 0.01. */
    public static AdamWSettings paperDefaults() {
        return new AdamWSettings(2e-5, 0.9, 0.999, 1e-8, 0.01);
    }

    /** The same settings with another peak learning rate. */
    public AdamWSettings withLearningRate(double lr) {
        return new AdamWSettings(lr, beta1, beta2, epsilon, weightDecay);
    }
}
