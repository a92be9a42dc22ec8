package org.bertgeometry.checkpoint.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bertgeometry.checkpoint.BertCheckpoint;
import org.bertgeometry.checkpoint.protobuf.ProtoWriter;
import org.bertgeometry.model.BertConfig;
import org.bertgeometry.model.BertWeights;
import org.bertgeometry.model.HostTensor;

/**
 * Test helper: writes small ONNX files from {@code onnx.proto}'s field numbers (ModelProto.graph = 7,
 * GraphProto.node = 1 / initializer = 5, NodeProto input 1 / output 2 / name 3 / op_type 4 /
 * attribute 5, TensorProto dims 1 / data_type 2 / name 8 / raw_data 9 / data_location 14). The graph
 * is not a runnable BERT: it holds the initializers and just the nodes the importer inspects (each
 * Linear in one of three export styles, the attention scale, a decomposed LayerNorm, an Erf).
 */
public final class TinyOnnxWriter {

    /** How a Linear layer is exported. */
    public enum LinearStyle {
        /** PyTorch: anonymous [in, out] initializer, MatMul(x, W), Add(bias, y). */
        PYTORCH_MATMUL,
        /** Named [out, in] weight, Gemm(x, W, bias) with transB = 1. */
        GEMM_TRANS_B,
        /** Named [out, in] weight, MatMul(x, Transpose(W)), Add(y, bias). */
        MATMUL_OF_TRANSPOSE
    }

    private final List<ProtoWriter> nodes = new ArrayList<>();
    private final List<ProtoWriter> initializers = new ArrayList<>();
    private int counter;

    private TinyOnnxWriter() {
    }

    /** The bytes of an ONNX model holding {@code checkpoint}'s tensors, with LayerNorm epsilon {@code eps}. */
    public static byte[] write(BertCheckpoint checkpoint, LinearStyle style, float eps) {
        TinyOnnxWriter w = new TinyOnnxWriter();
        BertWeights weights = checkpoint.weights();
        BertConfig c = checkpoint.config();
        for (Map.Entry<String, HostTensor> e : weights.asMap().entrySet()) {
            String n = e.getKey();
            boolean linearWeight = n.endsWith(".weight") && e.getValue().rank() == 2 && !n.contains("embeddings");
            if (!linearWeight) {
                w.initializer(n, e.getValue());
            }
        }
        for (String n : weights.names()) {
            HostTensor t = weights.get(n);
            if (!n.endsWith(".weight") || t.rank() != 2 || n.contains("embeddings")) {
                continue;
            }
            String module = n.substring(0, n.length() - ".weight".length());
            w.linear(module, t, style);
        }
        // attention scale: MatMul(q, Transpose(k)) / sqrt(headDim)
        w.node("Transpose", "/encoder/layer.0/attention/self/Transpose", List.of("k"), List.of("kT"));
        w.node("MatMul", "/encoder/layer.0/attention/self/MatMul", List.of("q", "kT"), List.of("scores"));
        w.constant("scale", (float) Math.sqrt(c.headDim()));
        w.node("Div", "/encoder/layer.0/attention/self/Div", List.of("scores", "scale"), List.of("scaled"));
        // decomposed LayerNorm: ReduceMean -> Add(eps) -> Sqrt
        w.node("ReduceMean", "/embeddings/LayerNorm/ReduceMean_1", List.of("sq"), List.of("var"));
        w.constant("eps", eps);
        w.node("Add", "/embeddings/LayerNorm/Add", List.of("var", "eps"), List.of("var_eps"));
        w.node("Sqrt", "/embeddings/LayerNorm/Sqrt", List.of("var_eps"), List.of("std"));
        w.node("Erf", "/encoder/layer.0/intermediate/intermediate_act_fn/Erf", List.of("g"), List.of("erf"));
        ProtoWriter graph = new ProtoWriter();
        w.nodes.forEach(n -> graph.message(1, n));
        graph.string(2, "tiny");
        w.initializers.forEach(i -> graph.message(5, i));
        return new ProtoWriter().varint(1, 8).string(2, "bertgeo-test").message(7, graph).toByteArray();
    }

    private void linear(String module, HostTensor outIn, LinearStyle style) {
        String path = "/" + module.replace('.', '/').replaceAll("/layer/(\\d+)", "/layer.$1");
        String x = "x_" + counter;
        String y = "y_" + counter;
        counter++;
        switch (style) {
            case PYTORCH_MATMUL -> {
                String anon = "onnx::MatMul_" + (700 + counter);
                initializer(anon, outIn.transpose2d());
                node("MatMul", path + "/MatMul", List.of(x, anon), List.of(y));
                node("Add", path + "/Add", List.of(module + ".bias", y), List.of(y + "_b"));
            }
            case GEMM_TRANS_B -> {
                initializer(module + ".weight", outIn);
                ProtoWriter transB = new ProtoWriter().string(1, "transB").varint(3, 1).varint(20, 2);
                nodes.add(nodeProto("Gemm", path + "/Gemm", List.of(x, module + ".weight", module + ".bias"),
                        List.of(y)).message(5, transB));
            }
            case MATMUL_OF_TRANSPOSE -> {
                initializer(module + ".weight", outIn);
                node("Transpose", path + "/Transpose", List.of(module + ".weight"), List.of(y + "_wT"));
                node("MatMul", path + "/MatMul", List.of(x, y + "_wT"), List.of(y));
                node("Add", path + "/Add", List.of(y, module + ".bias"), List.of(y + "_b"));
            }
            default -> throw new IllegalStateException();
        }
    }

    private void node(String op, String name, List<String> in, List<String> out) {
        nodes.add(nodeProto(op, name, in, out));
    }

    private static ProtoWriter nodeProto(String op, String name, List<String> in, List<String> out) {
        ProtoWriter n = new ProtoWriter();
        in.forEach(i -> n.string(1, i));
        out.forEach(o -> n.string(2, o));
        n.string(3, name).string(4, op);
        return n;
    }

    private void constant(String output, float value) {
        ProtoWriter t = new ProtoWriter().varint(2, 1).bytes(9, floats(new float[] {value}));
        ProtoWriter attr = new ProtoWriter().string(1, "value").message(5, t).varint(20, 4);
        nodes.add(nodeProto("Constant", "/Constant_" + output, List.of(), List.of(output)).message(5, attr));
    }

    private void initializer(String name, HostTensor t) {
        initializers.add(tensorProto(name, t));
    }

    /** A float TensorProto with raw_data. */
    public static ProtoWriter tensorProto(String name, HostTensor t) {
        ProtoWriter p = new ProtoWriter();
        for (int d : t.shape()) {
            p.varint(1, d);
        }
        return p.varint(2, 1).string(8, name).bytes(9, floats(t.data()));
    }

    private static byte[] floats(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) {
            b.putFloat(f);
        }
        return b.array();
    }
}
