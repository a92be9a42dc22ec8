package org.bertgeometry.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bertgeometry.checkpoint.onnx.MiniLmModelFile;
import org.bertgeometry.checkpoint.tensorflow.GoogleCheckpointWriter;
import org.bertgeometry.model.HostTensor;
import org.bertgeometry.model.TinyCheckpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelLoaderTest {

    @TempDir
    Path dir;

    @Test
    void huggingFaceFolderAndItsSafetensorsFileAndConfigJsonAllLoad() throws Exception {
        BertCheckpoint tiny = TinyCheckpoints.checkpoint(List.of("x", "y"));
        HuggingFaceFolder.save(tiny, dir);
        for (Path p : List.of(dir, dir.resolve("model.safetensors"), dir.resolve("config.json"))) {
            BertCheckpoint c = ModelLoader.load(p);
            assertEquals(tiny.config(), c.config(), p.toString());
            assertEquals(tiny.vocabulary(), c.vocabulary());
        }
    }

    @Test
    void detectNamesTheImporterFromNamesAloneAndAConfigWithoutWeightsStaysAHuggingFaceFolder() throws Exception {
        HuggingFaceFolder.save(TinyCheckpoints.checkpoint(List.of()), dir);
        assertEquals(ModelLoader.Format.HUGGING_FACE_FOLDER, ModelLoader.detect(dir));
        assertEquals(ModelLoader.Format.HUGGING_FACE_FOLDER, ModelLoader.detect(dir.resolve("config.json")));
        assertEquals(ModelLoader.Format.SAFETENSORS_FILE, ModelLoader.detect(dir.resolve("model.safetensors")));
        Files.delete(dir.resolve("model.safetensors"));
        // still a Hugging Face folder, so that loading it names the missing weight file
        assertEquals(ModelLoader.Format.HUGGING_FACE_FOLDER, ModelLoader.detect(dir));
        Files.writeString(dir.resolve("exported.onnx"), "not read by detect");
        assertEquals(ModelLoader.Format.ONNX, ModelLoader.detect(dir), "an .onnx file beats a config without weights");
        assertEquals(ModelLoader.Format.ONNX, ModelLoader.detect(dir.resolve("exported.onnx")));
    }

    @Test
    void tensorFlowCheckpointFolderLoads() throws Exception {
        BertCheckpoint tiny = TinyCheckpoints.checkpoint(List.of());
        Map<String, HostTensor> vars = new java.util.LinkedHashMap<>();
        tiny.weights().asMap().forEach((n, t) -> {
            String g = "bert/" + n.replace("encoder.layer.", "encoder/layer_").replace('.', '/');
            if (n.endsWith("_embeddings.weight")) {
                vars.put(g.substring(0, g.length() - "/weight".length()), t);
            } else if (n.contains("LayerNorm")) {
                vars.put(g.replace("LayerNorm/weight", "LayerNorm/gamma").replace("LayerNorm/bias", "LayerNorm/beta"), t);
            } else if (n.endsWith(".weight")) {
                vars.put(g.replace("/weight", "/kernel"), t.transpose2d());
            } else {
                vars.put(g, t);
            }
        });
        new GoogleCheckpointWriter(512, 4).write(dir.resolve("bert_model.ckpt"), vars, Map.of());
        Files.writeString(dir.resolve("bert_config.json"), tiny.config().toJson());
        BertCheckpoint c = ModelLoader.load(dir);
        assertEquals(tiny.config(), c.config());
        assertEquals(tiny.weights().names().size(), c.weights().names().size());
    }

    @Test
    void onnxFileLoads() throws Exception {
        BertCheckpoint c = ModelLoader.load(MiniLmModelFile.path());
        assertEquals(384, c.config().hiddenSize());
    }

    @Test
    void pytorchPickleIsRefusedAsFileAndAsFolder() throws Exception {
        Path bin = dir.resolve("pytorch_model.bin");
        Files.write(bin, new byte[] {(byte) 0x80, 2, 'c'});
        ModelFormatException asFile = assertThrows(ModelFormatException.class, () -> ModelLoader.load(bin));
        assertTrue(asFile.getMessage().contains("pickle"), asFile.getMessage());
        ModelFormatException asFolder = assertThrows(ModelFormatException.class, () -> ModelLoader.load(dir));
        assertTrue(asFolder.getMessage().contains("pickle"), asFolder.getMessage());
    }

    @Test
    void unknownInputListsWhatIsAccepted() throws Exception {
        Path txt = dir.resolve("notes.txt");
        Files.writeString(txt, "hello");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelLoader.load(txt));
        assertTrue(e.getMessage().contains("notes.txt") && e.getMessage().contains("Hugging Face folder"), e.getMessage());
        ModelFormatException missing = assertThrows(ModelFormatException.class,
                () -> ModelLoader.load(dir.resolve("nowhere")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        ModelFormatException empty = assertThrows(ModelFormatException.class, () -> ModelLoader.load(dir));
        assertTrue(empty.getMessage().contains("expected a Hugging Face folder"), empty.getMessage());
    }
}
