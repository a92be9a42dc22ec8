package org.bertgeometry.checkpoint.safetensors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bertgeometry.model.HostTensor;

/**
 * What a safetensors file holds: its tensors (widened to float32) under their names as stored, and
 * the free-form string metadata of the {@code __metadata__} header entry.
 *
 * @param tensors  tensors by stored name, in header order
 * @param metadata {@code __metadata__} entries (for example {@code format -> pt}); empty if absent
 * @param nonFloat names and dtypes of the integer/boolean tensors, whose byte ranges were checked but
 *                 which were not decoded (for example the {@code I64} buffer
 *                 {@code embeddings.position_ids} that older Hugging Face files carry); the caller
 *                 decides whether each may be ignored
 */
public record SafetensorsContent(Map<String, HostTensor> tensors, Map<String, String> metadata,
                                 Map<String, String> nonFloat) {

    public SafetensorsContent {
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        nonFloat = Collections.unmodifiableMap(new LinkedHashMap<>(nonFloat));
    }
}
