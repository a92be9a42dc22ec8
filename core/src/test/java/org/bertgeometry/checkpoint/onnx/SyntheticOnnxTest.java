package org.bertgeometry.checkpoint.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bertgeometry.checkpoint.BertCheckpoint;
import org.bertgeometry.checkpoint.ModelFormatException;
import org.bertgeometry.checkpoint.protobuf.ProtoWriter;
import org.bertgeometry.model.HostTensor;
import org.bertgeometry.model.TinyCheckpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The importer on small ONNX files written by {@link TinyOnnxWriter}: export styles and hostile files. */
class SyntheticOnnxTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TinyOnnxWriter.LinearStyle.class)
    void everyLinearExportStyleIsImportedInHuggingFaceLayout(TinyOnnxWriter.LinearStyle style) throws Exception {
        BertCheckpoint tiny = TinyCheckpoints.checkpoint(List.of());
        Path f = dir.resolve("tiny.onnx");
        Files.write(f, TinyOnnxWriter.write(tiny, style, 1e-5f));
        BertCheckpoint c = OnnxBertImporter.read(f, tiny.vocabulary());
        // the tiny config, except eps, which the graph says is 1e-5 (shortest decimal of the float32)
        assertEquals(tiny.config().withLabels(List.of()), new org.bertgeometry.model.BertConfig(
                c.config().vocabSize(), c.config().hiddenSize(), c.config().numHiddenLayers(),
                c.config().numAttentionHeads(), c.config().intermediateSize(), c.config().hiddenAct(),
                c.config().maxPositionEmbeddings(), c.config().typeVocabSize(), 1e-12, 0.1, 0.1, List.of()));
        assertEquals(1e-5, c.config().layerNormEps());
        assertEquals(2, c.config().numAttentionHeads(), "Div by sqrt(4) = 2 means 4 dims per head");
        assertEquals(tiny.weights().names().size(), c.weights().names().size());
        for (String n : tiny.weights().names()) {
            assertArrayEquals(tiny.weights().get(n).shape(), c.weights().get(n).shape(), n);
            assertArrayEquals(tiny.weights().get(n).data(), c.weights().get(n).data(), n);
        }
        assertEquals(tiny.vocabulary(), c.vocabulary());
    }

    @Test
    void externalDataIsRefusedWithAdvice() throws Exception {
        ProtoWriter t = new ProtoWriter().varint(1, 2).varint(2, 1).string(8, "embeddings.word_embeddings.weight")
                .varint(14, 1);
        byte[] model = new ProtoWriter().varint(1, 8).message(7, new ProtoWriter().message(5, t)).toByteArray();
        Path f = dir.resolve("ext.onnx");
        Files.write(f, model);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> OnnxBertImporter.read(f, List.of()));
        assertTrue(e.getMessage().contains("ext.onnx") && e.getMessage().contains("external"), e.getMessage());
    }

    @Test
    void graphWithoutWordEmbeddingsIsNotTakenForBert() throws Exception {
        ProtoWriter graph = new ProtoWriter().message(5, TinyOnnxWriter.tensorProto("fc.weight", HostTensor.zeros(2, 2)));
        Path f = dir.resolve("mlp.onnx");
        Files.write(f, new ProtoWriter().varint(1, 8).message(7, graph).toByteArray());
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> OnnxBertImporter.read(f, List.of()));
        assertTrue(e.getMessage().contains("embeddings.word_embeddings.weight"), e.getMessage());
    }

    @Test
    void fileWithoutAGraphIsRejected() throws Exception {
        Path f = dir.resolve("empty-model.onnx");
        Files.write(f, new ProtoWriter().varint(1, 8).string(2, "x").toByteArray());
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> OnnxBertImporter.read(f, List.of()));
        assertTrue(e.getMessage().contains("no ONNX graph"), e.getMessage());
    }

    @Test
    void vocabularyLargerThanTheEmbeddingTableIsRejected() throws Exception {
        BertCheckpoint tiny = TinyCheckpoints.checkpoint(List.of());
        Path f = dir.resolve("tiny.onnx");
        Files.write(f, TinyOnnxWriter.write(tiny, TinyOnnxWriter.LinearStyle.PYTORCH_MATMUL, 1e-12f));
        List<String> tooMany = new java.util.ArrayList<>(tiny.vocabulary());
        tooMany.add("extra");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> OnnxBertImporter.read(f, tooMany));
        assertTrue(e.getMessage().contains("13 tokens"), e.getMessage());
    }
}
