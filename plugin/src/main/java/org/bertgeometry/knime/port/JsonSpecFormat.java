package org.bertgeometry.knime.port;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectSpec.PortObjectSpecSerializer;
import org.knime.core.node.port.PortObjectSpecZipInputStream;
import org.knime.core.node.port.PortObjectSpecZipOutputStream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * How this bundle's port specs are stored: one small UTF-8 JSON document with a {@code format} number (1), so that
 * a spec written by a newer extension is refused with a message that says so, and a damaged one is reported as
 * corrupt instead of failing somewhere later.
 */
final class JsonSpecFormat {
    private static final int FORMAT = 1;

    private JsonSpecFormat() {
    }

    /** A new document carrying the format number; the spec adds its fields. */
    static JsonObject newDocument() {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        return o;
    }

    /** Reads the fields of a document of this format (a missing or mistyped field is an unchecked exception). */
    @FunctionalInterface
    interface Fields<T> {
        T read(JsonObject document) throws IOException;
    }

    /**
     * Parses {@code json} and reads a spec from it.
     *
     * @param what what the document holds, for messages ("BERT model spec")
     * @throws IOException for another format or a document that is not a complete spec
     */
    static <T> T read(final String json, final String what, final Fields<T> fields) throws IOException {
        try {
            JsonObject o = JsonParser.parseString(json).getAsJsonObject();
            int format = o.get("format").getAsInt();
            if (format != FORMAT) {
                throw new IOException("Unsupported " + what + " format " + format
                    + "; the workflow was saved by a newer version of the BERT Geometry extension");
            }
            return fields.read(o);
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException | NullPointerException
            | UnsupportedOperationException e) {
            throw new IOException("Corrupt " + what + ": " + e.getMessage(), e);
        }
    }

    /** Reads a spec from its JSON document. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(String json) throws IOException;
    }

    /**
     * A spec serializer (registered at extension point org.knime.core.PortType) that stores the spec's JSON.
     *
     * @param <T> the spec
     */
    abstract static class Serializer<T extends PortObjectSpec> extends PortObjectSpecSerializer<T> {
        private final Function<T, String> m_toJson;
        private final Parser<T> m_fromJson;

        Serializer(final Function<T, String> toJson, final Parser<T> fromJson) {
            m_toJson = toJson;
            m_fromJson = fromJson;
        }

        @Override
        public final void savePortObjectSpec(final T spec, final PortObjectSpecZipOutputStream out)
            throws IOException {
            out.write(m_toJson.apply(spec).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public final T loadPortObjectSpec(final PortObjectSpecZipInputStream in) throws IOException {
            return m_fromJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
