package org.bertgeometry.report.table;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes run summaries (records, maps, lists, numbers) as pretty-printed UTF-8 JSON with Gson. JSON
 * has no NaN or infinity, so non-finite {@code double}/{@code float} values are written as
 * {@code null} rather than failing or producing invalid JSON; null fields of records are kept (as
 * {@code null}) so every summary of one kind has the same keys. Use {@code LinkedHashMap} or
 * records for a stable key order: the output is then byte-identical for identical input.
 */
public final class JsonFiles {

    private JsonFiles() {
    }

    /** The summary as JSON text (two-space indentation, newline at the end). */
    public static String toJson(Object summary) {
        return gson().toJson(summary) + "\n";
    }

    /** Writes the summary to {@code file} (created or replaced; parent folders are created). */
    public static void write(Object summary, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(toJson(summary));
        }
    }

    private static Gson gson() {
        TypeAdapter<Number> finiteOrNull = new TypeAdapter<>() {
            @Override
            public void write(JsonWriter out, Number value) throws IOException {
                if (value == null || Double.isNaN(value.doubleValue()) || Double.isInfinite(value.doubleValue())) {
                    out.nullValue();
                } else {
                    out.value(value);
                }
            }

            @Override
            public Number read(JsonReader in) {
                throw new UnsupportedOperationException("JsonFiles only writes");
            }
        };
        return new GsonBuilder()
                .setPrettyPrinting()
                .serializeNulls()
                .disableHtmlEscaping()
                .registerTypeAdapter(Double.class, finiteOrNull)
                .registerTypeAdapter(double.class, finiteOrNull)
                .registerTypeAdapter(Float.class, finiteOrNull)
                .registerTypeAdapter(float.class, finiteOrNull)
                .create();
    }
}
