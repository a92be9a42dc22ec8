package org.bertgeometry.inference;

import java.util.Arrays;
import java.util.List;
import org.bertgeometry.model.BatchInput;
import org.bertgeometry.model.BertCheckpoint;
import org.bertgeometry.model.BertModel;
import org.bertgeometry.tokenize.Encoding;
import org.bertgeometry.tokenize.Tokenizer;
import org.bertgeometry.tokenize.TokenizerFactory;
import org.bertgeometry.tokenize.Vocabulary;

/**
 * A checkpoint made ready to run: its tokenizer (built from the checkpoint's vocabulary and
 * tokenizer settings, so text and nucleotide models are handled alike) and its weights on the
 * engine. The CLI, the variant pipeline and the analysis pass start from here; the KNIME nodes do
 * not yet (they rebuild the tokenizer in {@code plugin/.../engine/ModelTokenizers}, issue 13). Owns
 * native memory: close it.
 */
public final class LoadedBert implements AutoCloseable {

    private final BertCheckpoint checkpoint;
    private final Tokenizer tokenizer;
    private final BertModel model;

    private LoadedBert(BertCheckpoint checkpoint, Tokenizer tokenizer, BertModel model) {
        this.checkpoint = checkpoint;
        this.tokenizer = tokenizer;
        this.model = model;
    }

    /**
     * Builds the tokenizer and puts the weights on the engine.
     *
     * @throws IllegalArgumentException when the checkpoint has no vocabulary, or its vocabulary and
     *                                  config disagree on the number of tokens
     */
    public static LoadedBert open(BertCheckpoint checkpoint) {
        if (checkpoint.vocabulary().isEmpty()) {
            throw new IllegalArgumentException(checkpoint.source() + ": the model has no vocabulary; put vocab.txt "
                    + "or tokenizer.json beside it");
        }
        if (checkpoint.vocabulary().size() > checkpoint.config().vocabSize()) {
            throw new IllegalArgumentException(checkpoint.source() + ": the vocabulary has "
                    + checkpoint.vocabulary().size() + " tokens but the model's embedding table only "
                    + checkpoint.config().vocabSize() + "; the vocabulary does not belong to these weights");
        }
        Tokenizer tokenizer = TokenizerFactory.create(checkpoint.tokenizerConfig(),
                Vocabulary.of(checkpoint.vocabulary()));
        return new LoadedBert(checkpoint, tokenizer, BertModel.load(checkpoint.config(), checkpoint.weights()));
    }

    public BertCheckpoint checkpoint() {
        return checkpoint;
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    public BertModel model() {
        return model;
    }

    /** Right-pads encodings into one batch (mask and token types taken from the encodings). */
    public BatchInput batch(List<Encoding> encodings) {
        int t = 0;
        for (Encoding e : encodings) {
            t = Math.max(t, e.realLength());
        }
        int b = encodings.size();
        int[][] ids = new int[b][t];
        int[][] mask = new int[b][t];
        int[][] types = new int[b][t];
        int pad = tokenizer.vocabulary().padId();
        for (int i = 0; i < b; i++) {
            Encoding e = encodings.get(i);
            int n = e.realLength();
            Arrays.fill(ids[i], pad);
            System.arraycopy(e.ids(), 0, ids[i], 0, n);
            System.arraycopy(e.typeIds(), 0, types[i], 0, n);
            Arrays.fill(mask[i], 0, n, 1);
        }
        return new BatchInput(ids, mask, types, null);
    }

    @Override
    public void close() {
        model.close();
    }
}
