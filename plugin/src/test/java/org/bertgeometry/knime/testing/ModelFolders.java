package org.bertgeometry.knime.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

import org.bertgeometry.model.Activation;
import org.bertgeometry.checkpoint.BertCheckpoint;
import org.bertgeometry.model.BertConfig;
import org.bertgeometry.model.BertInit;
import org.bertgeometry.model.BertWeights;
import org.bertgeometry.model.HostTensor;
import org.bertgeometry.checkpoint.HuggingFaceFolder;

/**
 * Writes small model folders in Hugging Face layout for node tests. The weights file is only opaque bytes: the
 * loader tests check copying and validation of the folder, not the weights' content.
 */
public final class ModelFolders {
    private ModelFolders() {
    }

    /** A 2-layer, 2-head, hidden-8 config with 12 tokens and labels "neg","pos". */
    public static BertConfig tinyConfig() {
        return new BertConfig(12, 8, 2, 2, 16, Activation.GELU, 32, 2, 1e-12, 0.0, 0.0, List.of("neg", "pos"));
    }

    /**
     * Writes config.json, vocab.txt and a model.safetensors of {@code weightBytes} bytes.
     *
     * @return the folder
     */
    public static Path write(final Path folder, final BertConfig config, final int weightBytes) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("config.json"), config.toJson(), StandardCharsets.UTF_8);
        StringBuilder vocab = new StringBuilder("[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\n");
        for (int i = 5; i < config.vocabSize(); i++) {
            vocab.append("tok").append(i).append('\n');
        }
        Files.writeString(folder.resolve("vocab.txt"), vocab, StandardCharsets.UTF_8);
        byte[] w = new byte[weightBytes];
        for (int i = 0; i < w.length; i++) {
            w[i] = (byte)(i * 31 + 7);
        }
        Files.write(folder.resolve("model.safetensors"), w);
        return folder;
    }

    /** The vocabulary written with {@link #tinyConfig()}-sized models: 5 specials then tok5, tok6, ... */
    public static List<String> vocabulary(final int size) {
        List<String> v = new ArrayList<>(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"));
        for (int i = v.size(); i < size; i++) {
            v.add("tok" + i);
        }
        return v;
    }

    /**
     * Saves a real, loadable model (random weights with the given seed) in Hugging Face layout.
     *
     * @param tiedQueryKey when true every layer's key weight is a copy of its query weight, so every head's
     *            bilinear form is symmetric (a known answer for the directionality analysis)
     */
    public static Path writeRandomModel(final Path folder, final BertConfig config, final long seed,
        final boolean tiedQueryKey) throws IOException {
        BertWeights w = BertInit.random(config, seed, false);
        if (tiedQueryKey) {
            Map<String, HostTensor> m = new HashMap<>(w.asMap());
            for (int l = 0; l < config.numHiddenLayers(); l++) {
                String p = BertWeights.layerPrefix(l) + "attention.self.";
                m.put(p + "key.weight", m.get(p + "query.weight"));
                m.put(p + "key.bias", m.get(p + "query.bias"));
            }
            w = new BertWeights(m);
        }
        HuggingFaceFolder.save(new BertCheckpoint(config, w, vocabulary(config.vocabSize()), Map.of(), null),
            folder);
        return folder;
    }
}
