package org.bertgeometry.checkpoint.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bertgeometry.checkpoint.BertCheckpoint;
import org.bertgeometry.checkpoint.ModelFormatException;
import org.bertgeometry.model.Activation;
import org.bertgeometry.model.BertConfig;
import org.bertgeometry.model.HostTensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxBertImporterTest {

    private static Path model;
    private static BertCheckpoint checkpoint;

    @BeforeAll
    static void importMiniLm() throws Exception {
        model = MiniLmModelFile.path();
        checkpoint = OnnxBertImporter.read(model, List.of());
    }

    @Test
    void miniLmConfigIsInferredFromShapesAndGraphConstants() {
        // expected values: the model card of sentence-transformers/all-MiniLM-L6-v2 and
        // docs/shared reference dependencies.md section 7 part 2 (6 layers, 384 hidden, 12 x 32 heads, FFN 1536)
        BertConfig c = checkpoint.config();
        assertEquals(6, c.numHiddenLayers());
        assertEquals(384, c.hiddenSize());
        assertEquals(12, c.numAttentionHeads());
        assertEquals(1536, c.intermediateSize());
        assertEquals(30522, c.vocabSize());
        assertEquals(512, c.maxPositionEmbeddings());
        assertEquals(2, c.typeVocabSize());
        assertEquals(Activation.GELU, c.hiddenAct(), "the graph uses Erf, i.e. exact GELU");
        // the LayerNorm Add constant is 1e-12 stored as float32, reported as its shortest decimal
        assertEquals(1e-12, c.layerNormEps());
    }

    @Test
    void everyEncoderTensorIsPresentWithHuggingFaceShapes() {
        checkpoint.weights().validateAgainst(checkpoint.config());
        // 5 embedding tensors + 16 per layer; no pooler in this export
        assertEquals(5 + 16 * 6, checkpoint.weights().names().size());
        assertEquals(List.of(1536, 384).toString(),
                List.of(checkpoint.weights().get("encoder.layer.2.intermediate.dense.weight").shape()[0],
                        checkpoint.weights().get("encoder.layer.2.intermediate.dense.weight").shape()[1]).toString());
    }

    @Test
    void vocabularyComesFromTheTokenizerJsonBesideTheModel() {
        List<String> v = checkpoint.vocabulary();
        assertEquals(30522, v.size());
        // bert-base-uncased ids, from its published vocab.txt: [PAD]=0, [UNK]=100, [CLS]=101, [SEP]=102, [MASK]=103
        assertEquals("[PAD]", v.get(0));
        assertEquals("[UNK]", v.get(100));
        assertEquals("[CLS]", v.get(101));
        assertEquals("[SEP]", v.get(102));
        assertEquals("[MASK]", v.get(103));
        assertEquals("true", checkpoint.tokenizerConfig().get("do_lower_case"));
    }

    @Test
    void namedLayerNormWeightMatchesTheBytesFoundByANaiveScanOfTheFile() throws Exception {
        // Independent route: find the serialized TensorProto by its name field (tag 0x42, length, name)
        // followed by the raw_data tag 0x4A, and decode the float32 values by hand.
        float[] expected = naiveRawFloats(Files.readAllBytes(model), "encoder.layer.3.output.LayerNorm.weight");
        assertEquals(384, expected.length);
        assertArrayEquals(expected, checkpoint.weights().get("encoder.layer.3.output.LayerNorm.weight").data());
    }

    @Test
    void anonymousMatMulWeightIsMappedAndTransposedToOutIn() throws Exception {
        // dependencies.md section 7 part 2 found (by name and by bias, then numerically) that
        // onnx::MatMul_799 is layer 0's output.dense weight stored [in=1536, out=384].
        float[] raw = naiveRawFloats(Files.readAllBytes(model), "onnx::MatMul_799");
        assertEquals(1536 * 384, raw.length);
        HostTensor w = checkpoint.weights().get("encoder.layer.0.output.dense.weight");
        assertTrue(w.hasShape(384, 1536));
        for (int in = 0; in < 1536; in += 97) {
            for (int out = 0; out < 384; out += 31) {
                assertEquals(raw[in * 384 + out], w.data()[out * 1536 + in]);
            }
        }
    }

    @Test
    void moduleNameIsDerivedFromThePyTorchNodePath() {
        assertEquals("encoder.layer.0.attention.self.query",
                OnnxBertImporter.moduleFromNodeName("/encoder/layer.0/attention/self/query/MatMul"));
        assertEquals("encoder.layer.5.output.dense",
                OnnxBertImporter.moduleFromNodeName("/bert/encoder/layer.5/output/dense/MatMul"));
        assertEquals(null, OnnxBertImporter.moduleFromNodeName("/encoder/layer.0/attention/self/MatMul_1"
                .replace("MatMul_1", "Softmax")));
    }

    @Test
    void aFileThatIsNotProtobufIsRejectedNamingTheFile(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.onnx");
        Files.write(bad, new byte[] {0x0a, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f, 1, 2});
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> OnnxBertImporter.read(bad, List.of()));
        assertTrue(e.getMessage().contains("bad.onnx"), e.getMessage());
        assertTrue(e.getMessage().contains("protobuf"), e.getMessage());
    }

    @Test
    void aTruncatedModelIsRejected(@TempDir Path dir) throws Exception {
        byte[] head = new byte[4096];
        try (var in = Files.newInputStream(model)) {
            assertEquals(4096, in.readNBytes(head, 0, 4096));
        }
        Path cut = dir.resolve("cut.onnx");
        Files.write(cut, head);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> OnnxBertImporter.read(cut, List.of()));
        assertTrue(e.getMessage().contains("cut.onnx"), e.getMessage());
    }

    static float[] naiveRawFloats(byte[] file, String name) {
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 2; i + n.length + 1 < file.length; i++) {
            if (file[i - 2] != 0x42 || file[i - 1] != n.length) {
                continue;
            }
            for (int k = 0; k < n.length; k++) {
                if (file[i + k] != n[k]) {
                    continue outer;
                }
            }
            int p = i + n.length;
            if (file[p] != 0x4A) {
                continue;
            }
            p++;
            long len = 0;
            int shift = 0;
            while (true) {
                int b = file[p++] & 0xff;
                len |= (long) (b & 0x7f) << shift;
                shift += 7;
                if (b < 0x80) {
                    break;
                }
            }
            ByteBuffer bb = ByteBuffer.wrap(file, p, (int) len).order(ByteOrder.LITTLE_ENDIAN);
            float[] out = new float[(int) len / 4];
            for (int k = 0; k < out.length; k++) {
                out[k] = bb.getFloat();
            }
            return out;
        }
        throw new AssertionError("initializer " + name + " not found by the naive scan");
    }

    @Test
    void headCountComesFromTheQueryReshapeAloneAndFromTheAttentionScaleAlone() throws Exception {
        OnnxGraph g = OnnxBertImporter.parse(model);
        OnnxGraph withoutScale = new OnnxGraph(g.irVersion(), g.producer(), g.initializers(),
                g.nodes().stream().filter(n -> !n.opType().equals("Div") && !n.opType().equals("Mul")).toList());
        assertEquals(12, OnnxBertImporter.headCount(withoutScale, 384), "Reshape to [B, T, 12, 32]");
        OnnxGraph withoutReshape = new OnnxGraph(g.irVersion(), g.producer(), g.initializers(),
                g.nodes().stream().filter(n -> !n.opType().equals("Reshape")).toList());
        assertEquals(12, OnnxBertImporter.headCount(withoutReshape, 384), "Div by 5.656854 = sqrt(32)");
        OnnxGraph neither = new OnnxGraph(g.irVersion(), g.producer(), g.initializers(),
                withoutReshape.nodes().stream().filter(n -> !n.opType().equals("Div")).toList());
        assertEquals(6, OnnxBertImporter.headCount(neither, 384), "fallback: 64 dims per head");
    }
}
