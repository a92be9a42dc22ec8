package org.bertgeometry.cli.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bertgeometry.checkpoint.BertCheckpoint;
import org.bertgeometry.checkpoint.HuggingFaceFolder;
import org.bertgeometry.cli.BertGeo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The case study end to end at toy size: every promised file is written and consistent. */
class CaseStudyCommandTest {

    @Test
    void tinyCaseStudyWritesReportDataAndAReloadableModel(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("cs");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = BertGeo.run(new String[] {"case-study", "--out", out.toString(), "--preset", "tiny",
            "--per-class", "6", "--epochs", "1", "--further-per-class", "2", "--calibration-per-class", "3",
            "--robustness-per-class", "1", "--held-out-epochs", "1"}, new PrintWriter(o), new PrintWriter(e));
        assertEquals(0, code, e.toString());
        assertTrue(o.toString().contains("Test accuracy"), o.toString());
        for (String f : List.of("index.html", "figures/confusion-matrix.png", "figures/training-curves.png",
                "figures/cone-index-by-layer.png", "figures/k90-grid.png", "figures/directionality.png",
                "figures/evaluations.png", "data/metrics.json", "data/training-history.csv",
                "data/directionality.csv", "data/gates-class-mean.csv", "data/cone-index-by-layer.csv")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), "missing " + f);
        }
        JsonObject metrics = JsonParser.parseString(Files.readString(out.resolve("data/metrics.json"))).getAsJsonObject();
        long testN = metrics.getAsJsonObject("test").get("sequences").getAsLong();
        // 6 per class, 20 % test stratified: ceil(0.2 * 48) = 10 sequences (every genome yields a spike)
        assertEquals(10, testN);
        assertEquals(4, metrics.getAsJsonObject("further_evaluations").size());
        checkCalibrationAndRobustnessFiles(out, metrics, testN);
        BertCheckpoint model = HuggingFaceFolder.load(out.resolve("model"));
        assertEquals(List.of("gh", "lambda", "mu", "alpha", "beta", "delta", "gamma", "omicron"), model.config().labels());
        assertEquals("kmer", model.tokenizerConfig().get("bertgeo_tokenizer"));
        // one directionality row per layer and head of the tiny preset (1 layer x 2 heads) plus the header
        assertEquals(1 + 2, Files.readAllLines(out.resolve("data/directionality.csv")).size());

        // analyze: the same report, without training parts, for the saved model on new labelled genomes
        Path fasta = dir.resolve("new.fasta");
        assertEquals(0, BertGeo.run(new String[] {"simulate", "--output", fasta.toString(), "--per-class", "2",
            "--seed", "9", "--whole-genome"}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
        Path report = dir.resolve("analysis");
        StringWriter ao = new StringWriter();
        StringWriter ae = new StringWriter();
        assertEquals(0, BertGeo.run(new String[] {"analyze", "--model", out.resolve("model").toString(), "--fasta",
            fasta.toString(), "--out", report.toString()}, new PrintWriter(ao), new PrintWriter(ae)), ae.toString());
        assertTrue(ao.toString().contains("on 16 sequences"), ao.toString());
        assertTrue(Files.isRegularFile(report.resolve("index.html")));
        assertTrue(Files.isRegularFile(report.resolve("data/directionality.csv")));
        assertTrue(!Files.exists(report.resolve("data/training-history.csv")), "analyze has no training history");

        Path unlabelled = dir.resolve("unlabelled.fasta");
        Files.writeString(unlabelled, ">x\nACGTACGTACGTACGT\n");
        StringWriter be = new StringWriter();
        assertEquals(BertGeo.EXIT_ERROR, BertGeo.run(new String[] {"analyze", "--model", out.resolve("model").toString(),
            "--fasta", unlabelled.toString(), "--out", dir.resolve("x").toString()}, new PrintWriter(new StringWriter()),
            new PrintWriter(be)));
        assertTrue(be.toString().contains("sequence 'x' has no class"), be.toString());
    }

    /** Properties the new sections' files must have whatever the (untrained) model answers. */
    private static void checkCalibrationAndRobustnessFiles(Path out, JsonObject metrics, long testN) throws Exception {
        assertTrue(Files.isRegularFile(out.resolve("model/abstention.json")));
        double testAccuracy = metrics.getAsJsonObject("test").get("accuracy").getAsDouble();
        // reliability bins: counts add up to the test split, count-weighted bin accuracies give the accuracy,
        // and the ECE is the count-weighted gap
        double n = 0;
        double right = 0;
        double gap = 0;
        for (String row : Files.readAllLines(out.resolve("data/reliability-test.csv")).subList(1, 11)) {
            String[] c = row.split(",");
            int count = Integer.parseInt(c[2]);
            if (count > 0) {
                n += count;
                right += count * Double.parseDouble(c[4]);
                gap += count * Math.abs(Double.parseDouble(c[4]) - Double.parseDouble(c[3]));
            }
        }
        assertEquals(testN, n);
        assertEquals(testAccuracy, right / n, 1e-9);
        assertEquals(gap / n, metrics.getAsJsonObject("calibration_and_abstention").get("expected_calibration_error_test")
                .getAsDouble(), 1e-9);
        // full coverage is the plain test accuracy
        String[] full = Files.readAllLines(out.resolve("data/coverage-accuracy-test.csv")).get(1).split(",");
        assertEquals(1.0, Double.parseDouble(full[0]), 1e-12);
        assertEquals(testAccuracy, Double.parseDouble(full[2]), 1e-9);
        // unassigned by any reason lies between the largest single reason and their sum; shares are whole counts
        List<String> sets = Files.readAllLines(out.resolve("data/unassigned-by-set.csv"));
        assertEquals(1 + 9, sets.size(), "test split, 4 further sets, plain GH, 3 rows of the held-out model");
        for (String row : sets.subList(1, sets.size())) {
            String[] c = row.split(",");
            int seqs = Integer.parseInt(c[2]);
            double byP = Double.parseDouble(c[3]);
            double byD = Double.parseDouble(c[4]);
            double byS = Double.parseDouble(c[5]);
            double either = Double.parseDouble(c[6]);
            assertTrue(either >= Math.max(byP, Math.max(byD, byS)) - 1e-12 && either <= byP + byD + byS + 1e-12, row);
            assertEquals(Math.round(either * seqs), either * seqs, 1e-9, row);
        }
        // each robustness point holds one spike per class (--robustness-per-class 1)
        for (String curve : List.of("n-runs-count", "n-run-length", "private-substitutions", "mutation-presence")) {
            List<String> rows = Files.readAllLines(out.resolve("data/robustness-" + curve + ".csv"));
            assertEquals(1 + 5, rows.size(), curve);
            for (String row : rows.subList(1, rows.size())) {
                String[] c = row.split(",");
                assertEquals(8, Integer.parseInt(c[1]), row);
                double acc = Double.parseDouble(c[2]);
                assertEquals(Math.round(acc * 8), acc * 8, 1e-9, row);
            }
            assertTrue(Files.isRegularFile(out.resolve("figures/robustness-" + curve + ".png")));
        }
        // the LayerNorm statistics cover every LayerNorm of the tiny preset: embeddings + 2 per layer, gain and bias
        assertEquals(1 + 6, Files.readAllLines(out.resolve("data/layernorm-parameter-stats.csv")).size());
        // recomputing each head in double from the captured input reproduces the float32 forward pass
        List<String> recomputed = Files.readAllLines(out.resolve("data/head-recomputation-check.csv"));
        assertEquals(1 + 2, recomputed.size(), "one row per head of the tiny preset");
        for (String row : recomputed.subList(1, recomputed.size())) {
            String[] c = row.split(",");
            assertTrue(Double.parseDouble(c[3]) < 1e-4 && Double.parseDouble(c[4]) < 1e-4, row);
        }
        // and recomputing the multi-head output and feed-forward sublayer reproduces each layer's output
        List<String> layerRows = Files.readAllLines(out.resolve("data/multihead-output-recomputation-check.csv"));
        assertEquals("layer,tokens,max_abs_diff_layer_output", layerRows.get(0));
        assertEquals(1 + 1, layerRows.size(), "one row per layer of the tiny preset");
        assertTrue(Double.parseDouble(layerRows.get(1).split(",")[2]) < 1e-3, layerRows.get(1));
    }

    @Test
    void basePresetWithoutABaseModelIsAOneLineError(@TempDir Path dir) {
        StringWriter e = new StringWriter();
        int code = BertGeo.run(new String[] {"case-study", "--out", dir.toString(), "--preset", "base"},
                new PrintWriter(new StringWriter()), new PrintWriter(e));
        assertEquals(BertGeo.EXIT_ERROR, code);
        assertEquals("bertgeo: error: the base preset fine-tunes a pre-trained BERT: give --base-model PATH",
                e.toString().strip());
    }
}
