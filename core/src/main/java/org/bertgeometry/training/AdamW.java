package org.bertgeometry.training;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter), updating DJL arrays in place with the
 * same arithmetic as PyTorch's {@code torch.optim.AdamW}: decay the weight by {@code lr * wd}, update
 * the biased first and second moments, correct both biases with the step count, then step by
 * {@code lr * m_hat / (sqrt(v_hat) + eps)}. Written out here rather than taken from DJL's optimiser
 * so that the update order, the epsilon placement and the per-step learning rate (from a schedule)
 * are visible and match the paper's setup exactly.
 *
 * <p>Call {@link #step} outside any gradient collector: PyTorch forbids recording in-place updates
 * of leaf tensors. The moment buffers live in each parameter's own manager.
 */
public final class AdamW {

    private final AdamWSettings settings;
    private final Map<String, NDArray[]> moments = new LinkedHashMap<>();
    private int stepCount;

    public AdamW(AdamWSettings settings) {
        this.settings = settings;
    }

    /** Number of completed steps (PyTorch's {@code state['step']}). */
    public int stepCount() {
        return stepCount;
    }

    /**
     * One update of every parameter that has a gradient, with learning rate {@code lr} (the
     * schedule's value for this step; {@link AdamWSettings#learningRate()} is its peak).
     */
    public void step(Map<String, NDArray> parameters, double lr) {
        stepCount++;
        double b1 = settings.beta1();
        double b2 = settings.beta2();
        double biasCorrection1 = 1 - Math.pow(b1, stepCount);
        double biasCorrection2 = 1 - Math.pow(b2, stepCount);
        for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
            NDArray w = e.getValue();
            if (!w.hasGradient()) {
                continue;
            }
            NDArray[] mv = moments.computeIfAbsent(e.getKey(), k -> new NDArray[] {w.zerosLike(), w.zerosLike()});
            NDArray m = mv[0];
            NDArray v = mv[1];
            // every temporary is closed here: the parameters' manager lives for the whole run
            try (NDArray g = w.getGradient();
                    NDArray gScaled = g.mul(1 - b1);
                    NDArray gSquared = g.square()) {
                w.muli(1 - lr * settings.weightDecay());
                m.muli(b1).addi(gScaled);
                v.muli(b2).addi(gSquared.muli(1 - b2));
            }
            // w -= lr / bc1 * m / (sqrt(v / bc2) + eps), as torch computes it
            try (NDArray vHat = v.div(biasCorrection2);
                    NDArray denom = vHat.sqrt();
                    NDArray update = m.div(denom.addi(settings.epsilon()))) {
                w.subi(update.muli(lr / biasCorrection1));
            }
        }
    }

    /** Releases the moment buffers. */
    public void close() {
        for (NDArray[] mv : moments.values()) {
            mv[0].close();
            mv[1].close();
        }
        moments.clear();
    }
}
