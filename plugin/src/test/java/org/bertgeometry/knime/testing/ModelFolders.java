package org.bertgeometry.knime.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bertgeometry.model.Activation;
import org.bertgeometry.model.BertConfig;

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
}
