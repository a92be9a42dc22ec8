package org.bertgeometry.checkpoint.onnx;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bertgeometry.checkpoint.protobuf.MalformedProtobufException;
import org.bertgeometry.checkpoint.protobuf.ProtoReader;

/**
 * The parts of an ONNX {@code ModelProto} that describe a BERT encoder: the main graph's
 * initializers (the weights) and nodes (needed to name anonymous weights and to find constants such
 * as the attention scale). Parsed straight from the protobuf wire format (field numbers from
 * {@code onnx.proto}); sub-graphs, value infos and metadata are skipped.
 *
 * @param irVersion    the model's {@code ir_version}
 * @param producer     {@code producer_name} and version, e.g. {@code pytorch 2.0.1}
 * @param initializers initializers by name, in file order
 * @param nodes        nodes in file (topological) order
 */
public record OnnxGraph(long irVersion, String producer, Map<String, OnnxTensor> initializers,
                        List<OnnxNode> nodes) {

    /**
     * Parses a serialized {@code ModelProto}.
     *
     * @throws MalformedProtobufException if the bytes are not a well-formed message
     * @throws IllegalArgumentException   if the model uses a feature we do not read (external data)
     */
    public static OnnxGraph parse(ByteBuffer model) {
        ProtoReader r = new ProtoReader(model);
        long ir = 0;
        String producerName = "";
        String producerVersion = "";
        ByteBuffer graph = null;
        while (r.next()) {
            switch (r.field()) {
                case 1 -> ir = r.varint();
                case 2 -> producerName = r.string();
                case 3 -> producerVersion = r.string();
                case 7 -> graph = r.bytes();
                default -> r.skip();
            }
        }
        if (graph == null) {
            throw new IllegalArgumentException("the file has no ONNX graph (ModelProto field 7 is missing);"
                    + " is it an ONNX model?");
        }
        Map<String, OnnxTensor> inits = new LinkedHashMap<>();
        List<OnnxNode> nodes = new ArrayList<>();
        ProtoReader g = new ProtoReader(graph);
        while (g.next()) {
            switch (g.field()) {
                case 1 -> nodes.add(parseNode(g.message()));
                case 5 -> {
                    OnnxTensor t = parseTensor(g.message());
                    if (inits.put(t.name(), t) != null) {
                        throw new IllegalArgumentException("initializer '" + t.name() + "' appears twice");
                    }
                }
                default -> g.skip();
            }
        }
        String producer = (producerName + " " + producerVersion).trim();
        return new OnnxGraph(ir, producer, Collections.unmodifiableMap(inits), List.copyOf(nodes));
    }

    /** Nodes that read value {@code valueName}, in graph order. */
    public List<OnnxNode> consumers(String valueName) {
        List<OnnxNode> out = new ArrayList<>();
        for (OnnxNode n : nodes) {
            if (n.inputs().contains(valueName)) {
                out.add(n);
            }
        }
        return out;
    }

    /** Map from each value name to the node producing it. */
    public Map<String, OnnxNode> producers() {
        Map<String, OnnxNode> out = new HashMap<>();
        for (OnnxNode n : nodes) {
            for (String o : n.outputs()) {
                out.put(o, n);
            }
        }
        return out;
    }

    static OnnxNode parseNode(ProtoReader r) {
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        String name = "";
        String op = "";
        Map<String, Long> ints = new HashMap<>();
        Map<String, Float> floats = new HashMap<>();
        Map<String, OnnxTensor> tensors = new HashMap<>();
        while (r.next()) {
            switch (r.field()) {
                case 1 -> in.add(r.string());
                case 2 -> out.add(r.string());
                case 3 -> name = r.string();
                case 4 -> op = r.string();
                case 5 -> parseAttribute(r.message(), ints, floats, tensors);
                default -> r.skip();
            }
        }
        return new OnnxNode(name, op, List.copyOf(in), List.copyOf(out), Map.copyOf(ints),
                Map.copyOf(floats), Map.copyOf(tensors));
    }

    private static void parseAttribute(ProtoReader r, Map<String, Long> ints, Map<String, Float> floats,
                                       Map<String, OnnxTensor> tensors) {
        String name = "";
        Long i = null;
        Float f = null;
        OnnxTensor t = null;
        while (r.next()) {
            switch (r.field()) {
                case 1 -> name = r.string();
                case 2 -> f = Float.intBitsToFloat(r.fixed32());
                case 3 -> i = r.varint();
                case 5 -> t = parseTensor(r.message());
                default -> r.skip();
            }
        }
        if (i != null) {
            ints.put(name, i);
        }
        if (f != null) {
            floats.put(name, f);
        }
        if (t != null) {
            tensors.put(name, t);
        }
    }

    static OnnxTensor parseTensor(ProtoReader r) {
        List<Long> dims = new ArrayList<>();
        int dataType = 0;
        String name = "";
        ByteBuffer raw = null;
        List<Float> floats = new ArrayList<>();
        List<Long> longs = new ArrayList<>();
        List<Double> doubles = new ArrayList<>();
        boolean external = false;
        while (r.next()) {
            switch (r.field()) {
                case 1 -> r.varints(dims::add);
                case 2 -> dataType = (int) r.varint();
                case 4 -> {
                    if (r.wireType() == ProtoReader.LENGTH_DELIMITED) {
                        ByteBuffer b = r.bytes();
                        while (b.remaining() >= 4) {
                            floats.add(b.getFloat());
                        }
                    } else {
                        floats.add(Float.intBitsToFloat(r.fixed32()));
                    }
                }
                case 5, 7 -> r.varints(v -> longs.add(v));
                case 8 -> name = r.string();
                case 9 -> raw = r.bytes();
                case 10 -> {
                    if (r.wireType() == ProtoReader.LENGTH_DELIMITED) {
                        ByteBuffer b = r.bytes();
                        while (b.remaining() >= 8) {
                            doubles.add(b.getDouble());
                        }
                    } else {
                        doubles.add(Double.longBitsToDouble(r.fixed64()));
                    }
                }
                case 14 -> external = r.varint() == 1;
                default -> r.skip();
            }
        }
        if (external) {
            throw new IllegalArgumentException("tensor '" + name + "' keeps its data in an external file;"
                    + " external ONNX data is not supported, re-export the model as one .onnx file");
        }
        long[] d = dims.stream().mapToLong(Long::longValue).toArray();
        float[] fl = new float[floats.size()];
        for (int k = 0; k < fl.length; k++) {
            fl[k] = floats.get(k);
        }
        return new OnnxTensor(name, dataType, d, raw, fl,
                longs.stream().mapToLong(Long::longValue).toArray(),
                doubles.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
