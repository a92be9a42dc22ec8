package org.bertgeometry.cli.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bertgeometry.checkpoint.BertCheckpoint;
import org.bertgeometry.checkpoint.HuggingFaceFolder;
import org.bertgeometry.cli.BertGeo;
import org.bertgeometry.model.Activation;
import org.bertgeometry.model.BertConfig;
import org.bertgeometry.model.BertWeights;
import org.bertgeometry.model.HostTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectionalityCommandTest {

    @TempDir
    Path dir;

    private static HostTensor random(Random r, int... shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        float[] d = new float[n];
        for (int i = 0; i < n; i++) {
            d[i] = (float) r.nextGaussian();
        }
        return new HostTensor(shape, d);
    }

    /** A 2-layer, 2-head, hidden-8 model whose layer-0 query and key weights are equal (symmetric scores). */
    private Path tinyModel() throws Exception {
        BertConfig c = new BertConfig(6, 8, 2, 2, 16, Activation.GELU, 16, 2, 1e-12, 0.1, 0.1, List.of());
        Random r = new Random(5);
        Map<String, HostTensor> m = new LinkedHashMap<>();
        m.put("embeddings.word_embeddings.weight", random(r, 6, 8));
        m.put("embeddings.position_embeddings.weight", random(r, 16, 8));
        m.put("embeddings.token_type_embeddings.weight", random(r, 2, 8));
        m.put("embeddings.LayerNorm.weight", random(r, 8));
        m.put("embeddings.LayerNorm.bias", random(r, 8));
        for (int l = 0; l < 2; l++) {
            String p = BertWeights.layerPrefix(l);
            for (String proj : List.of("attention.self.query", "attention.self.key", "attention.self.value",
                    "attention.output.dense")) {
                m.put(p + proj + ".weight", random(r, 8, 8));
                m.put(p + proj + ".bias", random(r, 8));
            }
            m.put(p + "attention.output.LayerNorm.weight", random(r, 8));
            m.put(p + "attention.output.LayerNorm.bias", random(r, 8));
            m.put(p + "intermediate.dense.weight", random(r, 16, 8));
            m.put(p + "intermediate.dense.bias", random(r, 16));
            m.put(p + "output.dense.weight", random(r, 8, 16));
            m.put(p + "output.dense.bias", random(r, 8));
            m.put(p + "output.LayerNorm.weight", random(r, 8));
            m.put(p + "output.LayerNorm.bias", random(r, 8));
        }
        m.put("encoder.layer.0.attention.self.key.weight", m.get("encoder.layer.0.attention.self.query.weight"));
        List<String> vocab = new ArrayList<>(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "a"));
        Path folder = dir.resolve("model");
        HuggingFaceFolder.save(new BertCheckpoint(c, new BertWeights(m), vocab, Map.of(), null), folder);
        return folder;
    }

    @Test
    void writesOneRowPerLayerAndHeadAndSymmetricHeadsHaveDeltaZero() throws Exception {
        Path model = tinyModel();
        Path out = dir.resolve("dir.csv");
        StringWriter err = new StringWriter();
        int code = BertGeo.run(new String[] {"directionality", "--model", model.toString(), "--output", out.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        List<String> lines = Files.readAllLines(out);
        assertEquals(5, lines.size());
        assertTrue(lines.get(0).startsWith("layer,head,norm_M_proposal"), lines.get(0));
        int delta = List.of(lines.get(0).split(",")).indexOf("delta_proposal");
        // layer 0: W_Q = W_K, so M = W_Q,h^T W_Q,h is symmetric and delta = 0 (to rounding)
        assertEquals(0.0, Double.parseDouble(lines.get(1).split(",")[delta]), 1e-6);
        assertEquals(0.0, Double.parseDouble(lines.get(2).split(",")[delta]), 1e-6);
        assertTrue(Double.parseDouble(lines.get(3).split(",")[delta]) > 0.1);
    }

    @Test
    void missingModelIsAClearError() {
        StringWriter err = new StringWriter();
        int code = BertGeo.run(new String[] {"directionality", "--model", dir.resolve("nope").toString(), "--output",
            dir.resolve("o.csv").toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(BertGeo.EXIT_ERROR, code);
        assertTrue(err.toString().contains("nope"), err.toString());
    }
}
