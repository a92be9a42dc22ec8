package org.bertgeometry.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bertgeometry.cli.BertGeo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bertgeo analyze --spark local[2]} writes the same report folder as the single-machine
 * command: every CSV cell and every figure byte for byte, the JSON apart from its timings. The
 * single-machine run is the independent reference: it never splits, merges or ships anything.
 */
class SparkAnalyzeTest {

    @TempDir
    static Path dir;
    static Path model;
    static Path fasta;
    static Path reference;

    record Run(int code, String out, String err) {
    }

    static Run bertgeo(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BertGeo.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void modelDataAndSingleMachineReport() {
        Path train = dir.resolve("train.fasta");
        assertEquals(0, bertgeo("simulate", "--output", train.toString(), "--per-class", "4", "--seed", "3").code());
        Run t = bertgeo("train", "--fasta", train.toString(), "--out", dir.resolve("trained").toString(), "--preset",
                "tiny", "--epochs", "2", "--seed", "5");
        assertEquals(0, t.code(), t.err());
        model = dir.resolve("trained/model");
        // 160 simulated spikes, 20 per class, with class=NAME descriptions
        fasta = dir.resolve("spikes.fasta");
        assertEquals(0, bertgeo("simulate", "--output", fasta.toString(), "--per-class", "20", "--seed", "9").code());
        reference = dir.resolve("single");
        Run r = analyze(reference, null);
        assertEquals(0, r.code(), r.err());
    }

    static Run analyze(Path out, String master) {
        List<String> args = new java.util.ArrayList<>(List.of("analyze", "--model", model.toString(), "--fasta",
                fasta.toString(), "--out", out.toString(), "--batch-size", "4"));
        if (master != null) {
            args.addAll(List.of("--spark", master));
        }
        return bertgeo(args.toArray(String[]::new));
    }

    @AfterEach
    void clearTestHooks() {
        System.clearProperty(SparkCapture.FAIL_ONCE_KEY);
        System.clearProperty(SparkCapture.FAIL_MARKER_KEY);
    }

    static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    /** Every file of the report equal to the reference's; metrics.json without its timings. */
    static void assertSameReport(Path got) throws IOException {
        assertEquals(files(reference), files(got), "same file names");
        int csv = 0;
        for (Path f : files(reference)) {
            String name = f.toString();
            if (name.endsWith(".csv")) {
                List<String> want = Files.readAllLines(reference.resolve(f));
                List<String> have = Files.readAllLines(got.resolve(f));
                assertEquals(want.size(), have.size(), name + ": rows");
                for (int i = 0; i < want.size(); i++) {
                    assertArrayEquals(want.get(i).split(",", -1), have.get(i).split(",", -1), name + " row " + i);
                }
                csv++;
            } else if (name.endsWith(".json")) {
                JsonObject want = JsonParser.parseString(Files.readString(reference.resolve(f))).getAsJsonObject();
                JsonObject have = JsonParser.parseString(Files.readString(got.resolve(f))).getAsJsonObject();
                want.remove("timings_seconds");
                have.remove("timings_seconds");
                assertEquals(want, have, name);
            } else if (name.endsWith(".png")) {
                assertArrayEquals(Files.readAllBytes(reference.resolve(f)), Files.readAllBytes(got.resolve(f)), name);
            }
        }
        assertTrue(csv >= 6, "the report has its CSV tables (" + csv + ")");
    }

    @Test
    void sparkLocalTwoWritesTheSingleMachineReport() throws IOException {
        Path out = dir.resolve("spark");
        Run r = analyze(out, "local[2]");
        assertEquals(0, r.code(), r.err());
        assertSameReport(out);
        // the class means really came from 160 sequences: the confusion matrix adds up to them
        List<String> confusion = Files.readAllLines(out.resolve("data/confusion-matrix.csv"));
        long total = confusion.stream().skip(1).flatMap(l -> Stream.of(l.split(",")).skip(1))
                .mapToLong(Long::parseLong).sum();
        assertEquals(160, total);
    }

    @Test
    void aTaskThatFailsOnceIsRetriedAndCountsOnce() throws IOException {
        Path marker = dir.resolve("failed-once");
        System.setProperty(SparkCapture.FAIL_ONCE_KEY, "5");
        System.setProperty(SparkCapture.FAIL_MARKER_KEY, marker.toString());
        Path out = dir.resolve("retried");
        Run r = analyze(out, "local[2,2]");          // two attempts per task
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(marker), "the injected failure happened");
        assertSameReport(out);
    }

    @Test
    void aFailedJobLeavesNoReportFolder() throws IOException {
        System.setProperty(SparkCapture.FAIL_ONCE_KEY, "2");
        Path out = dir.resolve("failed");
        Run r = analyze(out, "local[2]");             // one attempt: the job fails
        assertEquals(BertGeo.EXIT_ERROR, r.code());
        assertTrue(r.err().contains("injected failure in batch 2"), r.err());
        assertFalse(Files.exists(out));
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains("incomplete")), "no staging folder left");
        }
    }

    @Test
    void aRecordWithoutClassIsNamed() throws IOException {
        Path bad = dir.resolve("bad.fasta");
        Files.writeString(bad, Files.readString(fasta) + ">lonely no class here\nATGTTTGTTTTTCTTGTTTTATTGCCACTAG\n");
        Run r = bertgeo("analyze", "--model", model.toString(), "--fasta", bad.toString(), "--out",
                dir.resolve("bad").toString(), "--spark", "local[2]");
        assertEquals(BertGeo.EXIT_ERROR, r.code());
        assertTrue(r.err().contains("sequence 'lonely' has no class"), r.err());
        assertFalse(Files.exists(dir.resolve("bad")));
    }

    @Test
    void anExistingReportIsNotOverwritten() throws IOException {
        Run r = analyze(reference, "local[2]");
        assertEquals(BertGeo.EXIT_ERROR, r.code());
        assertTrue(r.err().contains("exists and is not empty"), r.err());
        assertTrue(Files.isRegularFile(reference.resolve("index.html")));
    }
}
