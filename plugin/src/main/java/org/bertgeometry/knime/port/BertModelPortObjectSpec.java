package org.bertgeometry.knime.port;

import java.io.IOException;
import java.util.Objects;

import javax.swing.JComponent;

import org.bertgeometry.model.BertConfig;
import org.knime.core.node.port.PortObjectSpec;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * What a BERT model port carries, known without touching the weights: the full Hugging Face config (hidden size,
 * layers, heads, vocabulary size, labels, ...), a display name and the tokenizer file kind. Downstream nodes
 * validate their settings against it in {@code configure} (e.g. a layer index within range) so that mistakes show
 * before a multi-minute execution. Serialised as one small JSON document.
 *
 * @param name display name of the model (usually the folder it was loaded from)
 * @param config the model's hyper-parameters and labels
 * @param tokenizerFile file name of the tokenizer in the model folder ({@code vocab.txt} or
 *            {@code tokenizer.json})
 */
public record BertModelPortObjectSpec(String name, BertConfig config, String tokenizerFile)
    implements PortObjectSpec {

    /** Rejects a spec without config or names. */
    public BertModelPortObjectSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(tokenizerFile, "tokenizerFile");
    }

    /** @return a one-line human-readable description */
    public String summary() {
        return String.format("BERT model '%s': %d layers, %d heads, hidden size %d, vocabulary %d, %s", name,
            config.numHiddenLayers(), config.numAttentionHeads(), config.hiddenSize(), config.vocabSize(),
            config.labels().isEmpty() ? "no classification head" : "labels " + config.labels());
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    String toJson() {
        JsonObject o = JsonSpecFormat.newDocument();
        o.addProperty("name", name);
        o.addProperty("tokenizer_file", tokenizerFile);
        o.add("config", JsonParser.parseString(config.toJson()));
        return o.toString();
    }

    static BertModelPortObjectSpec fromJson(final String json) throws IOException {
        return JsonSpecFormat.read(json, "BERT model spec", o -> new BertModelPortObjectSpec(
            o.get("name").getAsString(), BertConfig.fromJson(o.get("config").toString()),
            o.get("tokenizer_file").getAsString()));
    }

    /** Serializer registered at extension point org.knime.core.PortType. */
    public static final class Serializer extends JsonSpecFormat.Serializer<BertModelPortObjectSpec> {
        public Serializer() {
            super(BertModelPortObjectSpec::toJson, BertModelPortObjectSpec::fromJson);
        }
    }
}
