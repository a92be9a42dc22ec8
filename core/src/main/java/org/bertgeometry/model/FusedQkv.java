package org.bertgeometry.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One layer's query, key and value projections stored as a single {@code [3H, H]} weight and
 * {@code [3H]} bias in native memory, with the three Hugging Face parameters as row views of it.
 * Inference runs one linear call on the whole ({@link #fused}) instead of three; training runs the
 * three views, so that autograd reaches the named parameters. Because the views share the storage,
 * a trainer's in-place update of {@code ...query.weight} is what the next inference pass reads: there
 * is no second copy that could go stale.
 *
 * @param fused the concatenated projection, rows {@code 0..H-1} query, {@code H..2H-1} key, then value
 * @param views the six parameters by name ({@code ...query.weight}, {@code ...query.bias}, ...), each a
 *              view of {@code fused}
 */
record FusedQkv(Dense fused, Map<String, NDArray> views) {

    /** The three projections in the order of their rows in {@link #fused}. */
    static final List<String> PARTS = List.of(SelfAttention.QUERY, SelfAttention.KEY, SelfAttention.VALUE);

    /**
     * Copies layer {@code layer}'s query, key and value tensors of {@code host} into one native weight
     * and bias on {@code manager} and returns them with their views.
     */
    static FusedQkv create(NDManager manager, Map<String, HostTensor> host, int layer, int hidden) {
        String s = BertWeights.layerPrefix(layer);
        float[] w = new float[3 * hidden * hidden];
        float[] b = new float[3 * hidden];
        for (int i = 0; i < PARTS.size(); i++) {
            String prefix = s + PARTS.get(i);
            System.arraycopy(host.get(prefix + TensorSpec.WEIGHT).data(), 0, w, i * hidden * hidden, hidden * hidden);
            System.arraycopy(host.get(prefix + TensorSpec.BIAS).data(), 0, b, i * hidden, hidden);
        }
        NDArray weight = manager.create(FloatBuffer.wrap(w), new Shape(3L * hidden, hidden), DataType.FLOAT32);
        NDArray bias = manager.create(FloatBuffer.wrap(b), new Shape(3L * hidden), DataType.FLOAT32);
        Map<String, NDArray> views = new LinkedHashMap<>();
        for (int i = 0; i < PARTS.size(); i++) {
            NDIndex rows = new NDIndex().addSliceDim((long) i * hidden, (long) (i + 1) * hidden);
            String prefix = s + PARTS.get(i);
            views.put(prefix + TensorSpec.WEIGHT, weight.get(rows));
            views.put(prefix + TensorSpec.BIAS, bias.get(rows));
        }
        return new FusedQkv(new Dense(weight, bias), Map.copyOf(views));
    }
}
