package org.bertgeometry.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The table of a BERT model's parameter tensors, assembled from what each block declares
 * ({@link Embeddings}, {@link SelfAttention}, {@link FeedForward}, {@link TaskHeads}): the encoder, and
 * each optional head on its own, in Hugging Face's order (which is also the order in which
 * {@link BertInit} draws them from its seeded generator).
 */
final class BertParameters {

    private BertParameters() {
    }

    /** Embeddings and every encoder layer. */
    static List<TensorSpec> encoder(BertConfig config) {
        List<TensorSpec> out = new ArrayList<>(Embeddings.parameters(config));
        for (int l = 0; l < config.numHiddenLayers(); l++) {
            out.addAll(SelfAttention.parameters(config, l));
            out.addAll(FeedForward.parameters(config, l));
        }
        return List.copyOf(out);
    }
}
