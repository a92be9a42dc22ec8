package org.bertgeometry.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One parameter tensor a block of the network declares: its Hugging Face name, the shape the config
 * implies, and how Hugging Face's {@code _init_weights} initialises it. Each block lists its tensors
 * once ({@code parameters(config, ...)}); {@link BertParameters} joins the lists into the model's
 * table, which the weight check ({@link BertWeights#validateAgainst}) and the initialiser
 * ({@link BertInit}) walk, so the names are spelled in one place only.
 *
 * @param name  Hugging Face name, e.g. {@code encoder.layer.3.attention.self.query.weight}
 * @param shape the shape the config implies
 * @param init  how a fresh model fills it
 */
record TensorSpec(String name, int[] shape, Init init) {

    /** Suffix of a linear or LayerNorm weight. */
    static final String WEIGHT = ".weight";
    /** Suffix of a linear or LayerNorm bias. */
    static final String BIAS = ".bias";

    /** Hugging Face's initialisation of each kind of tensor. */
    enum Init {
        /** N(0, 0.02²): linear weights and embedding tables. */
        NORMAL,
        /** Zeros: biases and LayerNorm beta. */
        ZEROS,
        /** Ones: LayerNorm gamma. */
        ONES
    }

    TensorSpec {
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** The weight {@code [out, in]} (N(0, 0.02²)) and bias {@code [out]} (zeros) of {@code prefix}. */
    static List<TensorSpec> linear(String prefix, int out, int in) {
        return List.of(new TensorSpec(prefix + WEIGHT, new int[] {out, in}, Init.NORMAL),
                new TensorSpec(prefix + BIAS, new int[] {out}, Init.ZEROS));
    }

    /** The gamma (ones) and beta (zeros) of a LayerNorm over {@code size} features. */
    static List<TensorSpec> layerNorm(String prefix, int size) {
        return List.of(new TensorSpec(prefix + WEIGHT, new int[] {size}, Init.ONES),
                new TensorSpec(prefix + BIAS, new int[] {size}, Init.ZEROS));
    }

    /** An embedding table {@code [rows, width]} drawn from N(0, 0.02²). */
    static TensorSpec table(String name, int rows, int width) {
        return new TensorSpec(name, new int[] {rows, width}, Init.NORMAL);
    }

    /** The lists joined in order. */
    @SafeVarargs
    static List<TensorSpec> concat(List<TensorSpec>... parts) {
        List<TensorSpec> out = new ArrayList<>();
        for (List<TensorSpec> p : parts) {
            out.addAll(p);
        }
        return List.copyOf(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorSpec t && name.equals(t.name) && Arrays.equals(shape, t.shape) && init == t.init;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
