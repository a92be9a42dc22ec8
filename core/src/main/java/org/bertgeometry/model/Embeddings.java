package org.bertgeometry.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import java.util.List;
import java.util.Map;

/** BERT's input layer: word + absolute position + token type embeddings, then LayerNorm and dropout. */
final class Embeddings {

    static final String WORD = "embeddings.word_embeddings.weight";
    private static final String POSITION = "embeddings.position_embeddings.weight";
    private static final String TOKEN_TYPE = "embeddings.token_type_embeddings.weight";
    private static final String NORM = "embeddings.LayerNorm";

    private final NDArray word;
    private final NDArray position;
    private final NDArray tokenType;
    private final Norm norm;
    private final BertConfig config;

    Embeddings(Map<String, NDArray> p, BertConfig config) {
        this.word = p.get(WORD);
        this.position = p.get(POSITION);
        this.tokenType = p.get(TOKEN_TYPE);
        this.norm = Norm.of(p, NORM);
        this.config = config;
    }

    /** The three tables and the LayerNorm. */
    static List<TensorSpec> parameters(BertConfig c) {
        int h = c.hiddenSize();
        return TensorSpec.concat(List.of(TensorSpec.table(WORD, c.vocabSize(), h),
                TensorSpec.table(POSITION, c.maxPositionEmbeddings(), h),
                TensorSpec.table(TOKEN_TYPE, c.typeVocabSize(), h)), TensorSpec.layerNorm(NORM, h));
    }

    /** Word embedding table {@code (vocab, hidden)}, shared with the masked-LM decoder. */
    NDArray wordTable() {
        return word;
    }

    /** {@code ids, types: (B, T) int64 -> (B, T, hidden)}. */
    NDArray forward(NDManager m, NDArray ids, NDArray types, boolean training) {
        long t = ids.getShape().get(1);
        // positions are 0..T-1: the table's first T rows (a view) are the lookup of arange(T), value for value
        NDArray positions = position.get(new NDIndex().addSliceDim(0, t));     // (T, H)
        positions.attach(m);                                      // the pass's, not the model's manager
        NDArray x = lookup(ids, word)                                           // (B, T, H)
                .addi(positions)                                                // (T, H) broadcast
                .addi(lookup(types, tokenType));                                // (B, T, H)
        x = norm.apply(x, config.layerNormEps());
        return Ops.dropout(x, config.hiddenDropoutProb(), training);
    }

    private static NDArray lookup(NDArray ids, NDArray table) {
        return Embedding.embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
    }
}
