package org.bertgeometry.checkpoint;

import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bertgeometry.model.BertConfig;

/**
 * Reads a model's hyper-parameter file, Hugging Face's {@code config.json} or Google's
 * {@code bert_config.json}, into a {@link BertConfig}. The parsing rules live in
 * {@link BertConfig#fromJson}; this class adds the file around them, so that an unreadable or invalid
 * file fails as a {@link ModelFormatException} that names it, like every other checkpoint file.
 */
public final class ConfigFile {

    private ConfigFile() {
    }

    /** Reads {@code file}; the exception names the file and what is wrong with it. */
    public static BertConfig read(Path file) throws ModelFormatException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModelFormatException(file, "cannot read config: " + e.getMessage(), e);
        }
        try {
            return BertConfig.fromJson(text);
        } catch (IllegalArgumentException | JsonParseException | IllegalStateException e) {
            throw new ModelFormatException(file, "invalid BERT config: " + e.getMessage(), e);
        }
    }
}
