package org.bertgeometry.checkpoint.tensorflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bertgeometry.checkpoint.BertCheckpoint;
import org.bertgeometry.checkpoint.ModelFormatException;
import org.bertgeometry.model.BertConfig;
import org.bertgeometry.model.BertWeights;
import org.bertgeometry.model.HostTensor;
import org.bertgeometry.model.TinyCheckpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TensorFlowBertImporterTest {

    @TempDir
    Path dir;

    /**
     * Google's variable names for the tiny model, written out from the naming in Google's
     * {@code modeling.py} (not derived from the importer's mapping): kernels are the transposes of
     * Hugging Face's {@code [out, in]} weights.
     */
    private static Map<String, HostTensor> googleVariables(BertWeights w, BertConfig c, String prefix) {
        Map<String, HostTensor> v = new LinkedHashMap<>();
        v.put(prefix + "bert/embeddings/word_embeddings", w.get("embeddings.word_embeddings.weight"));
        v.put(prefix + "bert/embeddings/position_embeddings", w.get("embeddings.position_embeddings.weight"));
        v.put(prefix + "bert/embeddings/token_type_embeddings", w.get("embeddings.token_type_embeddings.weight"));
        v.put(prefix + "bert/embeddings/LayerNorm/gamma", w.get("embeddings.LayerNorm.weight"));
        v.put(prefix + "bert/embeddings/LayerNorm/beta", w.get("embeddings.LayerNorm.bias"));
        for (int l = 0; l < c.numHiddenLayers(); l++) {
            String g = prefix + "bert/encoder/layer_" + l + "/";
            String h = "encoder.layer." + l + ".";
            for (String[] p : new String[][] {{"attention/self/query", "attention.self.query"},
                    {"attention/self/key", "attention.self.key"}, {"attention/self/value", "attention.self.value"},
                    {"attention/output/dense", "attention.output.dense"}, {"intermediate/dense", "intermediate.dense"},
                    {"output/dense", "output.dense"}}) {
                v.put(g + p[0] + "/kernel", w.get(h + p[1] + ".weight").transpose2d());
                v.put(g + p[0] + "/bias", w.get(h + p[1] + ".bias"));
                // Adam slots, as left in Google's pre-training checkpoints: must be ignored
                v.put(g + p[0] + "/kernel/adam_m", HostTensor.zeros(1));
            }
            v.put(g + "attention/output/LayerNorm/gamma", w.get(h + "attention.output.LayerNorm.weight"));
            v.put(g + "attention/output/LayerNorm/beta", w.get(h + "attention.output.LayerNorm.bias"));
            v.put(g + "output/LayerNorm/gamma", w.get(h + "output.LayerNorm.weight"));
            v.put(g + "output/LayerNorm/beta", w.get(h + "output.LayerNorm.bias"));
        }
        v.put(prefix + "bert/pooler/dense/kernel", w.get("pooler.dense.weight").transpose2d());
        v.put(prefix + "bert/pooler/dense/bias", w.get("pooler.dense.bias"));
        return v;
    }

    private BertCheckpoint writeGoogleRelease(Path folder, boolean withConfig, String prefix) throws Exception {
        BertCheckpoint tiny = TinyCheckpoints.checkpoint(List.of());
        Files.createDirectories(folder);
        new GoogleCheckpointWriter(200, 3).write(folder.resolve("bert_model.ckpt"),
                googleVariables(tiny.weights(), tiny.config(), prefix), Map.of("global_step", 1000L));
        if (withConfig) {
            Files.writeString(folder.resolve("bert_config.json"), tiny.config().toJson());
        }
        Files.writeString(folder.resolve("vocab.txt"), String.join("\n", tiny.vocabulary()) + "\n", StandardCharsets.UTF_8);
        return tiny;
    }

    private static void assertSameTensors(BertWeights expected, BertWeights actual) {
        assertEquals(new java.util.TreeSet<>(expected.names()), new java.util.TreeSet<>(actual.names()));
        for (String n : expected.names()) {
            assertArrayEquals(expected.get(n).shape(), actual.get(n).shape(), n);
            assertArrayEquals(expected.get(n).data(), actual.get(n).data(), n);
        }
    }

    @Test
    void googleReleaseLayoutImportsEveryTensorWithTransposedKernels() throws Exception {
        Path folder = dir.resolve("cased_L-2_H-8_A-2");
        BertCheckpoint tiny = writeGoogleRelease(folder, true, "");
        BertCheckpoint c = TensorFlowBertImporter.read(folder);
        assertEquals(tiny.config(), c.config());
        assertSameTensors(tiny.weights(), c.weights());
        assertEquals(tiny.vocabulary(), c.vocabulary());
        assertEquals("false", c.tokenizerConfig().get("do_lower_case"), "from Google's cased_ folder name");
    }

    @Test
    void indexFileAndPrefixPathsAreAccepted() throws Exception {
        Path folder = dir.resolve("m");
        BertCheckpoint tiny = writeGoogleRelease(folder, true, "");
        assertSameTensors(tiny.weights(), TensorFlowBertImporter.read(folder.resolve("bert_model.ckpt.index")).weights());
        assertSameTensors(tiny.weights(), TensorFlowBertImporter.read(folder.resolve("bert_model.ckpt")).weights());
    }

    @Test
    void savedModelLayoutWithModulePrefixAndNoConfigInfersTheConfig() throws Exception {
        Path root = dir.resolve("saved");
        BertCheckpoint tiny = TinyCheckpoints.checkpoint(List.of());
        Files.createDirectories(root.resolve("variables"));
        Files.createDirectories(root.resolve("assets"));
        new GoogleCheckpointWriter(150, 2).write(root.resolve("variables").resolve("variables"),
                googleVariables(tiny.weights(), tiny.config(), "module/"), Map.of());
        Files.writeString(root.resolve("assets").resolve("vocab.txt"), String.join("\n", tiny.vocabulary()));
        Files.writeString(root.resolve("assets").resolve("model.json"), "{\"doLowerCase\": true}");
        // hidden 8 with 4 dims per head = the tiny model's 2 heads
        BertCheckpoint c = TensorFlowBertImporter.read(root, 4);
        assertEquals(tiny.config(), c.config());
        assertSameTensors(tiny.weights(), c.weights());
        assertEquals(tiny.vocabulary(), c.vocabulary());
        assertEquals("true", c.tokenizerConfig().get("do_lower_case"));
    }

    @Test
    void googleNamesMapToHuggingFaceNames() {
        assertEquals(new TensorFlowBertImporter.Mapped("encoder.layer.11.attention.self.query.weight", true),
                TensorFlowBertImporter.map("bert/encoder/layer_11/attention/self/query/kernel"));
        assertEquals(new TensorFlowBertImporter.Mapped("cls.predictions.transform.LayerNorm.weight", false),
                TensorFlowBertImporter.map("module/cls/predictions/transform/LayerNorm/gamma"));
        assertEquals(new TensorFlowBertImporter.Mapped("cls.predictions.bias", false),
                TensorFlowBertImporter.map("cls/predictions/output_bias"));
        assertEquals(new TensorFlowBertImporter.Mapped("classifier.weight", false),
                TensorFlowBertImporter.map("output_weights"));
        assertNull(TensorFlowBertImporter.map("bert/encoder/layer_0/attention/self/rotary/kernel"));
    }

    @Test
    void unknownBertVariableIsReportedNotDropped() throws Exception {
        Path folder = dir.resolve("odd");
        BertCheckpoint tiny = TinyCheckpoints.checkpoint(List.of());
        Files.createDirectories(folder);
        Map<String, HostTensor> v = googleVariables(tiny.weights(), tiny.config(), "");
        v.put("bert/encoder/layer_0/attention/self/rotary/kernel", HostTensor.zeros(2, 2));
        new GoogleCheckpointWriter(4096, 16).write(folder.resolve("bert_model.ckpt"), v, Map.of());
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> TensorFlowBertImporter.read(folder, 4));
        assertTrue(e.getMessage().contains("rotary"), e.getMessage());
    }

    @Test
    void bertConfigThatDisagreesWithTheShapesNamesTensorAndConfig() throws Exception {
        Path folder = dir.resolve("wrongconfig");
        BertCheckpoint tiny = writeGoogleRelease(folder, true, "");
        Files.writeString(folder.resolve("bert_config.json"), tiny.config().toJson()
                .replace("\"intermediate_size\": 16", "\"intermediate_size\": 24"));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> TensorFlowBertImporter.read(folder));
        assertTrue(e.getMessage().contains("encoder.layer.0.intermediate.dense.weight")
                && e.getMessage().contains("bert_config.json"), e.getMessage());
    }

    @Test
    void corruptedTensorBytesFailTheirChecksum() throws Exception {
        Path folder = dir.resolve("crc");
        writeGoogleRelease(folder, true, "");
        Path data = folder.resolve("bert_model.ckpt.data-00000-of-00001");
        byte[] b = Files.readAllBytes(data);
        b[b.length / 2] ^= 0x40;
        Files.write(data, b);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> TensorFlowBertImporter.read(folder));
        assertTrue(e.getMessage().contains("CRC-32C") && e.getMessage().contains("data-00000-of-00001"), e.getMessage());
    }

    @Test
    void truncatedIndexAndDataAreRejected() throws Exception {
        Path folder = dir.resolve("cut");
        writeGoogleRelease(folder, true, "");
        Path data = folder.resolve("bert_model.ckpt.data-00000-of-00001");
        byte[] d = Files.readAllBytes(data);
        Files.write(data, java.util.Arrays.copyOf(d, d.length - 10));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> TensorFlowBertImporter.read(folder));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        Path index = folder.resolve("bert_model.ckpt.index");
        byte[] i = Files.readAllBytes(index);
        Files.write(index, java.util.Arrays.copyOf(i, i.length - 3));
        e = assertThrows(ModelFormatException.class, () -> TensorFlowBertImporter.read(folder));
        assertTrue(e.getMessage().contains("bert_model.ckpt.index"), e.getMessage());
    }

    /** Writes {@code tiny} as a Google checkpoint into {@code name} whose index blocks carry {@code compression}. */
    private Path writeWithBlockCompression(String name, BertCheckpoint tiny, GoogleCheckpointWriter writer,
            int compression) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        writer.withCompressionTypeByte(compression).write(folder.resolve("bert_model.ckpt"),
                googleVariables(tiny.weights(), tiny.config(), ""), Map.of());
        return folder;
    }

    @Test
    void snappyCompressedIndexBlocksAreRead() throws Exception {
        BertCheckpoint tiny = TinyCheckpoints.checkpoint(List.of());
        Path folder = writeWithBlockCompression("snappy", tiny, new GoogleCheckpointWriter(300, 4), 1);
        assertSameTensors(tiny.weights(), TensorFlowBertImporter.read(folder, 4).weights());
    }

    @Test
    void unknownBlockCompressionIsRefused() throws Exception {
        Path folder = writeWithBlockCompression("zstd", TinyCheckpoints.checkpoint(List.of()),
                new GoogleCheckpointWriter(4096, 16), 7);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> TensorFlowBertImporter.read(folder, 4));
        assertTrue(e.getMessage().contains("compression type 7"), e.getMessage());
    }
}
