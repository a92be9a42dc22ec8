package org.bertgeometry.knime.port;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.swing.JComponent;

import org.knime.core.node.port.PortObjectSpec;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * What an attention capture port carries, known at configure time: the model's layer and head counts (every
 * layer and head is captured), the per-sample bound, the high-attention threshold theta used by the class-mean
 * maps, and the names of the per-sample per-head statistics.
 *
 * @param layers number of layers captured
 * @param heads number of heads per layer
 * @param maxStoredSamples at most this many samples keep their full attention maps
 * @param theta threshold of the thresholded class sums (paper: 0.3)
 * @param statistics names of the per-sample per-head statistics, in stored order
 */
public record AttentionCapturePortObjectSpec(int layers, int heads, int maxStoredSamples, double theta,
    List<String> statistics) implements PortObjectSpec {

    /** Copies the statistics list and checks the counts. */
    public AttentionCapturePortObjectSpec {
        statistics = List.copyOf(statistics);
        if (layers <= 0 || heads <= 0 || maxStoredSamples < 0) {
            throw new IllegalArgumentException("invalid capture spec: layers " + layers + ", heads " + heads
                + ", bound " + maxStoredSamples);
        }
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    String toJson() {
        JsonObject o = JsonSpecFormat.newDocument();
        o.addProperty("layers", layers);
        o.addProperty("heads", heads);
        o.addProperty("max_stored_samples", maxStoredSamples);
        o.addProperty("theta", theta);
        JsonArray s = new JsonArray();
        statistics.forEach(s::add);
        o.add("statistics", s);
        return o.toString();
    }

    static AttentionCapturePortObjectSpec fromJson(final String json) throws IOException {
        return JsonSpecFormat.read(json, "attention capture spec", o -> {
            List<String> stats = new ArrayList<>();
            for (JsonElement e : o.getAsJsonArray("statistics")) {
                stats.add(e.getAsString());
            }
            return new AttentionCapturePortObjectSpec(o.get("layers").getAsInt(), o.get("heads").getAsInt(),
                o.get("max_stored_samples").getAsInt(), o.get("theta").getAsDouble(), stats);
        });
    }

    /** Serializer registered at extension point org.knime.core.PortType. */
    public static final class Serializer extends JsonSpecFormat.Serializer<AttentionCapturePortObjectSpec> {
        public Serializer() {
            super(AttentionCapturePortObjectSpec::toJson, AttentionCapturePortObjectSpec::fromJson);
        }
    }
}
