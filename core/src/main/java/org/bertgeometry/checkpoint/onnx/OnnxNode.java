package org.bertgeometry.checkpoint.onnx;

import java.util.List;
import java.util.Map;

/**
 * One ONNX {@code NodeProto}: an operator application with its named inputs and outputs. Only the
 * attributes the importer inspects are kept: integer attributes ({@code transB}, {@code axis}),
 * float attributes ({@code epsilon}) and tensor attributes ({@code value} of a {@code Constant}).
 *
 * @param name    the node name; PyTorch exports keep the module path, e.g.
 *                {@code /encoder/layer.0/attention/self/query/MatMul}
 * @param opType  the operator, e.g. {@code MatMul}
 * @param inputs  input value names ({@code ""} for an omitted optional input)
 * @param outputs output value names
 * @param ints    integer attributes by name
 * @param floats  float attributes by name
 * @param tensors tensor attributes by name
 */
public record OnnxNode(String name, String opType, List<String> inputs, List<String> outputs,
                       Map<String, Long> ints, Map<String, Float> floats, Map<String, OnnxTensor> tensors) {

    /** Input {@code i} or {@code ""} when absent. */
    public String input(int i) {
        return i < inputs.size() ? inputs.get(i) : "";
    }

    /** Output {@code i} or {@code ""} when absent. */
    public String output(int i) {
        return i < outputs.size() ? outputs.get(i) : "";
    }
}
