package org.bertgeometry.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bertgeometry.capture.CaptureSpec;
import org.bertgeometry.checkpoint.BertCheckpoint;
import org.bertgeometry.checkpoint.onnx.MiniLmModelFile;
import org.bertgeometry.checkpoint.onnx.OnnxBertImporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parity on real weights: all-MiniLM-L6-v2 imported by {@link OnnxBertImporter} and run by our engine
 * versus ONNX Runtime running the original ONNX graph, on 24 sentences of mixed length in padded
 * batches of 8. Tolerance 1e-4 absolute on the final hidden states at real positions: both sides are
 * float32 through 6 layers with LayerNorm, and kernels differ in summation order (observed differences
 * are around 1e-6 to 1e-5).
 */
class MiniLmParityTest {

    static final List<String> SENTENCES = List.of(
            "Hello world.",
            "The geometry of BERT describes how attention selects subspaces.",
            "A cat sat on the mat.",
            "Spike protein mutations distinguish SARS-CoV-2 lineages such as Alpha, Delta and Omicron.",
            "Yes.",
            "Transformers compute attention as a softmax over scaled dot products of queries and keys.",
            "KNIME workflows connect nodes.",
            "What is the capital of France?",
            "Paris is the capital and most populous city of France, with an estimated population of over two million.",
            "I love programming in Java.",
            "The quick brown fox jumps over the lazy dog.",
            "Attention heads in later layers often attend to separator tokens.",
            "Rain.",
            "Mean pooling of token embeddings gives a sentence embedding that is normalised to unit length.",
            "Numbers like 3.14159 and 2718 are tokenised into word pieces.",
            "She sells sea shells by the sea shore.",
            "Unbelievably, the tokenizer splits uncommon words into several pieces.",
            "Do you speak English?",
            "Layer normalisation keeps activations well scaled.",
            "Protein domains such as the receptor binding domain matter.",
            "OK",
            "This sentence is a little longer than most of the others, but not by a great deal, really.",
            "The model has six layers, twelve heads and a hidden size of three hundred eighty-four.",
            "End.");

    static BertCheckpoint checkpoint;
    static BertModel model;
    static OrtEnvironment env;
    static OrtSession session;
    static List<int[]> ids = new ArrayList<>();

    @BeforeAll
    static void setUp() throws Exception {
        checkpoint = OnnxBertImporter.read(MiniLmModelFile.path(), List.of());
        model = BertModel.load(checkpoint.config(), checkpoint.weights());
        env = OrtEnvironment.getEnvironment();
        session = env.createSession(MiniLmModelFile.path().toString(), new OrtSession.SessionOptions());
        try (InputStream in = MiniLmParityTest.class.getClassLoader()
                .getResourceAsStream(MiniLmModelFile.TOKENIZER_RESOURCE);
                HuggingFaceTokenizer tok = HuggingFaceTokenizer.newInstance(in, Map.of())) {
            for (String s : SENTENCES) {
                Encoding e = tok.encode(s);
                List<Integer> real = new ArrayList<>();
                for (int i = 0; i < e.getIds().length; i++) {
                    if (e.getAttentionMask()[i] == 1) {
                        real.add((int) e.getIds()[i]);
                    }
                }
                ids.add(real.stream().mapToInt(Integer::intValue).toArray());
            }
        }
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (session != null) {
            session.close();
        }
        if (model != null) {
            model.close();
        }
    }

    @Test
    void lastHiddenStateMatchesOnnxRuntimeOnRealPositions() throws Exception {
        assertEquals(6, checkpoint.config().numHiddenLayers());
        double worst = 0;
        for (int start = 0; start < ids.size(); start += 8) {
            List<int[]> seqs = ids.subList(start, start + 8);
            BatchInput in = BatchInput.padded(seqs, 0);
            float[][][] ours = model.forward(in, CaptureSpec.none(), false).lastHidden();
            float[][][] ort = runOrt(in);
            for (int b = 0; b < seqs.size(); b++) {
                for (int i = 0; i < seqs.get(b).length; i++) {
                    for (int d = 0; d < 384; d++) {
                        worst = Math.max(worst, Math.abs(ours[b][i][d] - ort[b][i][d]));
                    }
                }
            }
        }
        System.out.println("MiniLM parity: max abs difference " + worst);
        assertTrue(worst <= 1e-4, "max |ours - ONNX Runtime| = " + worst);
    }

    @Test
    void attentionRowsSumToOneAndPaddedKeysAreZeroOnRealWeights() {
        BatchInput in = BatchInput.padded(ids.subList(0, 8), 0);
        int t = in.length();
        int heads = checkpoint.config().numAttentionHeads();
        for (int l : new int[] {0, 5}) {
            float[] p = model.uncroppedProbs(in, l);
            for (int b = 0; b < 8; b++) {
                for (int h = 0; h < heads; h++) {
                    for (int i = 0; i < in.validLength(b); i++) {
                        double sum = 0;
                        for (int j = 0; j < t; j++) {
                            float v = p[((b * heads + h) * t + i) * t + j];
                            if (j >= in.validLength(b)) {
                                assertEquals(0f, v);
                            }
                            sum += v;
                        }
                        assertEquals(1.0, sum, 1e-5, "float32 softmax over up to " + t + " keys");
                    }
                }
            }
        }
    }

    private static float[][][] runOrt(BatchInput in) throws Exception {
        int b = in.batchSize();
        int t = in.length();
        long[][] ids = new long[b][t];
        long[][] mask = new long[b][t];
        long[][] types = new long[b][t];
        for (int r = 0; r < b; r++) {
            for (int i = 0; i < t; i++) {
                ids[r][i] = in.inputIds()[r][i];
                mask[r][i] = in.attentionMask()[r][i];
            }
        }
        try (OnnxTensor a = OnnxTensor.createTensor(env, ids);
                OnnxTensor m = OnnxTensor.createTensor(env, mask);
                OnnxTensor y = OnnxTensor.createTensor(env, types);
                OrtSession.Result r = session.run(Map.of("input_ids", a, "attention_mask", m, "token_type_ids", y))) {
            return (float[][][]) r.get("last_hidden_state").orElseThrow().getValue();
        }
    }
}
