package org.bertgeometry.checkpoint.tensorflow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bertgeometry.model.HostTensor;

/**
 * The variables of a TensorFlow checkpoint (tensor bundle) under their TensorFlow names: the
 * floating-point ones decoded to float32, the others (int64 {@code global_step}, strings) only listed
 * by name and TensorFlow dtype code.
 *
 * @param tensors  floating-point variables by name, in key order
 * @param nonFloat other variables: name to TensorFlow {@code DataType} code
 */
public record TensorBundle(Map<String, HostTensor> tensors, Map<String, Integer> nonFloat) {

    public TensorBundle {
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        nonFloat = Collections.unmodifiableMap(new LinkedHashMap<>(nonFloat));
    }
}
