package org.bertgeometry.knime.nodes.loader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bertgeometry.knime.port.BertModelPortObject;
import org.bertgeometry.knime.port.BertModelPortObjectSpec;
import org.bertgeometry.knime.testing.ModelFolders;
import org.bertgeometry.model.BertConfig;
import org.bertgeometry.knime.testing.FlowVariablesOf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.bertgeometry.knime.testing.ShimExecution;
import org.bertgeometry.knime.testing.ShimNodeRunner;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.bertgeometry.checkpoint.ConfigFile;

class BertLoaderNodeModelTest {

    @TempDir
    Path tmp;

    private BertLoaderNodeModel modelFor(final Path folder) {
        BertLoaderNodeModel m = new BertLoaderNodeFactory().createNodeModel();
        m.settings().setFolder(folder.toString());
        return m;
    }

    @Test
    void configureReadsOnlyTheConfigAndDescribesTheModel() throws Exception {
        BertConfig config = ModelFolders.tinyConfig();
        Path folder = ModelFolders.write(tmp.resolve("tiny-bert"), config, 10);
        PortObjectSpec[] out = ShimNodeRunner.configure(modelFor(folder));
        BertModelPortObjectSpec spec = assertInstanceOf(BertModelPortObjectSpec.class, out[0]);
        assertEquals(config, spec.config());
        assertEquals("tiny-bert", spec.name());
        assertEquals("vocab.txt", spec.tokenizerFile());
        assertEquals(List.of("neg", "pos"), spec.config().labels());
    }

    @Test
    void executeCopiesTheModelIntoAFileStoreAndReportsProgress() throws Exception {
        Path folder = ModelFolders.write(tmp.resolve("m"), ModelFolders.tinyConfig(), 3 * (1 << 20) + 5);
        ExecutionContext exec = ShimExecution.createContext(tmp.resolve("fs"));
        BertLoaderNodeModel node = modelFor(folder);
        PortObject[] out = ShimNodeRunner.execute(node, exec);
        BertModelPortObject po = assertInstanceOf(BertModelPortObject.class, out[0]);
        Path copy = po.getModelFolder();
        assertTrue(copy.startsWith(tmp.resolve("fs")), "the model must live in the node's file store");
        for (String f : List.of("config.json", "vocab.txt", "model.safetensors")) {
            assertArrayEquals(Files.readAllBytes(folder.resolve(f)), Files.readAllBytes(copy.resolve(f)), f);
        }
        List<Double> progress = ShimExecution.progress(exec);
        assertFalse(progress.isEmpty());
        assertEquals(1.0, progress.get(progress.size() - 1), 1e-12);
        assertTrue(po.getSummary().contains("2 layers, 2 heads"), po.getSummary());
        // tinyConfig: vocabulary 12, hidden 8, 2 layers, 2 heads
        assertEquals(java.util.Map.of("bert_layers", 2, "bert_heads", 2, "bert_hidden_size", 8,
            "bert_vocabulary_size", 12), FlowVariablesOf.model(node), "flow variables out");
    }

    @Test
    void aSafetensorsFileIsImportedAndSavedInHuggingFaceLayout() throws Exception {
        BertConfig config = ModelFolders.tinyConfig();
        Path folder = ModelFolders.writeRandomModel(tmp.resolve("src"), config, 3, false);
        BertLoaderNodeModel m = modelFor(folder.resolve("model.safetensors"));
        assertEquals(null, ShimNodeRunner.configure(m)[0], "imports have no spec before execution");
        ExecutionContext exec = ShimExecution.createContext(tmp.resolve("fs"));
        BertModelPortObject po = (BertModelPortObject)ShimNodeRunner.execute(m, exec)[0];
        assertEquals(config, po.getSpec().config());
        for (String f : List.of("config.json", "vocab.txt", "model.safetensors")) {
            assertTrue(Files.isRegularFile(po.getModelFolder().resolve(f)), f);
        }
        assertEquals(ConfigFile.read(folder.resolve("config.json")),
            ConfigFile.read(po.getModelFolder().resolve("config.json")));
    }

    @Test
    void missingImportPathFailsConfigureListingAcceptedFormats() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> ShimNodeRunner.configure(modelFor(tmp.resolve("nothing-here.onnx"))));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("TensorFlow"), e.getMessage());
    }

    @Test
    void blankFolderIsRejectedAtConfigureWithAnActionableMessage() {
        InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> ShimNodeRunner.configure(modelFor(Path.of(" "))));
        assertTrue(e.getMessage().contains("No model folder selected"), e.getMessage());
        assertTrue(e.getMessage().contains("'Model folder'"), "names the setting to fill: " + e.getMessage());
    }

    @Test
    void aNeverConfiguredLoaderIsSavedAndReopenedAsNotConfigured() throws Exception {
        // KNIME saves a node dropped into a workflow with its default settings, and reopening the workflow
        // validates and loads them: that must succeed, leaving the node "not configured" (configure says why)
        // instead of failing the load
        NodeSettings saved = ShimNodeRunner.saveSettings(new BertLoaderNodeFactory().createNodeModel());
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        saved.saveToXML(xml);
        BertLoaderNodeModel reopened = new BertLoaderNodeFactory().createNodeModel();
        ShimNodeRunner.loadSettings(reopened, NodeSettings.loadFromXML(new ByteArrayInputStream(xml.toByteArray())));
        InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> ShimNodeRunner.configure(reopened));
        assertTrue(e.getMessage().contains("No model folder selected"), e.getMessage());
    }

    @Test
    void folderWithoutWeightsOrConfigFailsConfigureNamingTheMissingFile() throws Exception {
        Path folder = ModelFolders.write(tmp.resolve("m"), ModelFolders.tinyConfig(), 10);
        Files.delete(folder.resolve("model.safetensors"));
        InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> ShimNodeRunner.configure(modelFor(folder)));
        assertTrue(e.getMessage().contains("model.safetensors"), e.getMessage());
        Files.delete(folder.resolve("config.json"));
        e = assertThrows(InvalidSettingsException.class, () -> ShimNodeRunner.configure(modelFor(folder)));
        assertTrue(e.getMessage().contains("config.json"), e.getMessage());
    }

    @Test
    void invalidConfigFailsConfigure() throws Exception {
        Path folder = ModelFolders.write(tmp.resolve("m"), ModelFolders.tinyConfig(), 10);
        // 8 hidden dimensions cannot be split over 3 heads
        Files.writeString(folder.resolve("config.json"), "{\"hidden_size\": 8, \"num_attention_heads\": 3}");
        InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> ShimNodeRunner.configure(modelFor(folder)));
        assertTrue(e.getMessage().contains("num_attention_heads"), e.getMessage());
    }

    @Test
    void settingsSurviveAnXmlRoundTrip() throws Exception {
        BertLoaderNodeModel m = modelFor(Path.of("/some/model dir"));
        NodeSettings saved = ShimNodeRunner.saveSettings(m);
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        saved.saveToXML(xml);
        assertTrue(xml.toString().contains("key=\"model_folder\""), xml.toString());
        NodeSettingsRO loaded = NodeSettings.loadFromXML(new ByteArrayInputStream(xml.toByteArray()));
        BertLoaderNodeModel other = new BertLoaderNodeFactory().createNodeModel();
        ShimNodeRunner.loadSettings(other, loaded);
        assertEquals(Path.of("/some/model dir"), other.settings().folder());
    }

    @Test
    void cancelDuringCopyLeavesNoOutputAndNoPartialModel() throws Exception {
        Path folder = ModelFolders.write(tmp.resolve("m"), ModelFolders.tinyConfig(), 3 * (1 << 20));
        ExecutionContext exec = ShimExecution.createContext(tmp.resolve("fs"));
        // the copy reports progress once per 1 MiB chunk: cancel after the first chunk of the weights
        ShimExecution.cancelAfterProgressReports(exec, 3);
        assertThrows(CanceledExecutionException.class, () -> ShimNodeRunner.execute(modelFor(folder), exec));
        assertFalse(Files.exists(tmp.resolve("fs").resolve("bert-model")), "partial copy must be removed");
    }
}
