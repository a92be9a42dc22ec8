package org.bertgeometry.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.SparseFormat;
import java.util.Map;

/** BERT's input layer: word + absolute position + token type embeddings, then LayerNorm and dropout. */
final class Embeddings {

    private final NDArray word;
    private final NDArray position;
    private final NDArray tokenType;
    private final NDArray lnGamma;
    private final NDArray lnBeta;
    private final BertConfig config;

    Embeddings(Map<String, NDArray> p, BertConfig config) {
        this.word = p.get("embeddings.word_embeddings.weight");
        this.position = p.get("embeddings.position_embeddings.weight");
        this.tokenType = p.get("embeddings.token_type_embeddings.weight");
        this.lnGamma = p.get("embeddings.LayerNorm.weight");
        this.lnBeta = p.get("embeddings.LayerNorm.bias");
        this.config = config;
    }

    /** Word embedding table {@code (vocab, hidden)}, shared with the masked-LM decoder. */
    NDArray wordTable() {
        return word;
    }

    /** {@code ids, types: (B, T) int64 -> (B, T, hidden)}. */
    NDArray forward(NDManager m, NDArray ids, NDArray types, boolean training) {
        long t = ids.getShape().get(1);
        NDArray positions = m.arange(0, (int) t).toType(ai.djl.ndarray.types.DataType.INT64, false)
                .reshape(1, t);                                                  // (1, T)
        NDArray x = lookup(ids, word)                                           // (B, T, H)
                .add(lookup(positions, position))                               // (1, T, H) broadcast
                .add(lookup(types, tokenType));                                 // (B, T, H)
        x = Ops.layerNorm(x, lnGamma, lnBeta, config.layerNormEps());
        return Ops.dropout(x, config.hiddenDropoutProb(), training);
    }

    private static NDArray lookup(NDArray ids, NDArray table) {
        return ids.getNDArrayInternal().embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
    }
}
