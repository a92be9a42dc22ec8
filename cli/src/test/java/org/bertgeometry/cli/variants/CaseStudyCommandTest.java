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
import org.bertgeometry.cli.BertGeo;
import org.bertgeometry.model.BertCheckpoint;
import org.bertgeometry.model.HuggingFaceFolder;
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
            "--per-class", "6", "--epochs", "1", "--further-per-class", "2"}, new PrintWriter(o), new PrintWriter(e));
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
        assertEquals(3, metrics.getAsJsonObject("further_evaluations").size());
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
