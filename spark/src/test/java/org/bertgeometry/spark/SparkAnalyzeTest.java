package org.bertgeometry.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.bertgeometry.analysis.AttentionGeometryRun;
import org.bertgeometry.analysis.GeometryRunSettings;
import org.bertgeometry.checkpoint.ModelLoader;
import org.bertgeometry.cli.BertGeo;
import org.bertgeometry.cli.variants.LabelledSequence;
import org.bertgeometry.cli.variants.SpikeInput;
import org.bertgeometry.inference.LoadedBert;
import org.bertgeometry.variants.fasta.AmbiguityPolicy;
import org.bertgeometry.variants.fasta.FastaReader;
import org.bertgeometry.variants.spike.SpikeExtractor;
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

    static Run analyze(Path out, String master, String... more) {
        return analyze(model, fasta, out, master, more);
    }

    static Run analyze(Path model, Path fasta, Path out, String master, String... more) {
        List<String> args = new ArrayList<>(List.of("analyze", "--model", model.toString(), "--fasta",
                fasta.toString(), "--out", out.toString(), "--batch-size", "4"));
        if (master != null) {
            args.addAll(List.of("--spark", master));
        }
        args.addAll(List.of(more));
        return bertgeo(args.toArray(String[]::new));
    }

    @AfterEach
    void clearTestHooks() {
        System.clearProperty(InjectedFailure.BATCH_KEY);
        System.clearProperty(InjectedFailure.AFTER_BLOCKS_KEY);
        System.clearProperty(InjectedFailure.MARKER_KEY);
        System.clearProperty("spark.driver.maxResultSize");
    }

    static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    /** Every file of the report equal to the reference's; metrics.json without its timings. */
    static void assertSameReport(Path got) throws IOException {
        assertSameReport(reference, got);
    }

    static void assertSameReport(Path reference, Path got) throws IOException {
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

    /**
     * The driver receives per head only a summary (gates, one class's map) and the merged rest, never a
     * whole capture: with {@code spark.driver.maxResultSize} set by hand between the two, the run succeeds
     * with the single-machine report, and a task that returns a whole capture, as the collect-everything
     * path did, is refused under the same limit.
     */
    @Test
    void theDriverReceivesSummariesNotWholeCaptures() throws Exception {
        JsonObject config = JsonParser.parseString(Files.readString(model.resolve("config.json"))).getAsJsonObject();
        int layers = config.get("num_hidden_layers").getAsInt();
        int heads = config.get("num_attention_heads").getAsInt();
        int hidden = config.get("hidden_size").getAsInt();
        List<String> names = config.getAsJsonObject("id2label").entrySet().stream()
                .map(e -> e.getValue().getAsString()).toList();
        int classes = names.size();
        GeometryRunSettings settings = GeometryRunSettings.defaults().withBatchSize(4);
        List<int[]> ids = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        try (LoadedBert bert = LoadedBert.open(ModelLoader.load(model));
                FastaReader reader = FastaReader.of(Files.newInputStream(fasta), "spikes", AmbiguityPolicy.MAP_TO_N)) {
            reader.forEachRemaining(r -> {
                LabelledSequence s = LabelledSequence.of(SpikeInput.spikeOf(r, SpikeExtractor.withDefaults(), x -> { }),
                        null, names, bert.tokenizer());
                ids.add(s.ids());
                y.add(s.label());
            });
            int n = ids.stream().mapToInt(a -> a.length).max().orElseThrow();   // side of the class-mean maps
            // the class whose maps come back (the report's, omicron) has aggregated (correctly predicted) samples?
            int mapClass = names.indexOf("omicron");
            int mapSide = correct(reference, mapClass) > 0 ? n : 0;
            // by hand, from the shapes: one stage of the new path sends the driver at most
            //  - per head every class's gate (a label, a rule in words, 18 numbers: under 2 KiB) and three
            //    domain-test rows (10 values each: under 1 KiB each), and in the last layer the map class's
            //    cropped map (at most n rows of n doubles, each row with a header of under 32 bytes; none when
            //    the class has no aggregated sample), or
            //  - the merged rest: at most 20 CLS vectors per class and layer (20 spikes per class) of `hidden`
            //    doubles with an index, every class's first-sample ids, head statistics and counts (64 KiB);
            //  plus Spark's own task result (metrics, under 64 KiB per task).
            long summaries = heads * mapSide * (8L * mapSide + 32)
                    + layers * heads * (classes * 2048L + 3 * 1024 + 65_536);
            long rest = classes * layers * 20L * (8L * hidden + 16) + classes * (4L * n + 32) + 2 * 65_536;
            long limit = Math.max(summaries, rest);
            // the whole capture of the data set, as the collect-everything path sent it to the driver in parts:
            // every class's two exact sums of every head (n x n entries of 16 bytes each, compressed)
            byte[] whole = AttentionGeometryRun.runCapture(bert, ids, y.stream().mapToInt(Integer::intValue).toArray(),
                    names, settings, f -> { }, () -> false).snapshot();
            assertTrue(whole.length > 2 * limit, "a whole capture (" + whole.length + " bytes) is well above the limit ("
                    + limit + " bytes)");
            System.setProperty("spark.driver.maxResultSize", Long.toString(limit));
            SparkConf conf = new SparkConf().setMaster("local[1]").setAppName("collect-everything");
            try (JavaSparkContext sc = new JavaSparkContext(conf)) {
                Exception refused = assertThrows(Exception.class,
                        () -> sc.parallelize(List.of(0), 1).map(i -> whole).collect());
                assertTrue(refused.getMessage().contains("spark.driver.maxResultSize"), refused.getMessage());
            }
        }
        Path out = dir.resolve("limited");
        Run r = analyze(out, "local[2]");
        assertEquals(0, r.code(), r.err());
        assertSameReport(out);
    }

    /** Correct predictions of class {@code c} in a report's confusion matrix (rows: true class). */
    static long correct(Path report, int c) throws IOException {
        List<String> rows = Files.readAllLines(report.resolve("data/confusion-matrix.csv"));
        return Long.parseLong(rows.get(1 + c).split(",")[1 + c]);
    }

    /** The class names of a report, in the order of its confusion matrix. */
    static List<String> classNames(Path report) throws IOException {
        String header = Files.readAllLines(report.resolve("data/confusion-matrix.csv")).get(0);
        List<String> columns = List.of(header.split(","));
        return columns.subList(1, columns.size());
    }

    /** The class a report's model predicts correctly most often. */
    static int bestPredicted(Path report) throws IOException {
        int best = 0;
        for (int c = 1; c < classNames(report).size(); c++) {
            best = correct(report, c) > correct(report, best) ? c : best;
        }
        return best;
    }

    /**
     * The maps of a class with aggregated samples come back from the executors: the drawn class-mean maps
     * (figures and CSV) and the domain tests on every head equal the single-machine ones.
     */
    @Test
    void theMapsOfAClassWithSamplesComeBackFromTheExecutors() throws IOException {
        int best = bestPredicted(reference);
        String name = classNames(reference).get(best);
        assertTrue(correct(reference, best) > 0, "some class is predicted correctly");
        assertSparkDrawsTheSingleMachineMaps(model, fasta, "", name);
    }

    /**
     * {@code analyze --class name} of {@code model} on {@code fasta}, once on one machine and once through
     * Spark: the reports are the same, and they hold the class-mean maps of {@code name}.
     */
    private static void assertSparkDrawsTheSingleMachineMaps(Path model, Path fasta, String prefix, String name)
            throws IOException {
        Path single = dir.resolve(prefix + "single-" + name);
        Run one = analyze(model, fasta, single, null, "--class", name);
        assertEquals(0, one.code(), one.err());
        Path spark = dir.resolve(prefix + "spark-" + name);
        Run r = analyze(model, fasta, spark, "local[2]", "--class", name);
        assertEquals(0, r.code(), r.err());
        assertSameReport(single, spark);
        try (Stream<Path> maps = Files.list(spark.resolve("data"))) {
            assertTrue(maps.anyMatch(p -> p.getFileName().toString().startsWith("class-mean-" + name)),
                    "the report has the class-mean maps of " + name);
        }
    }

    /**
     * A model of 2 layers (the small preset: 4 heads each), so the head blocks of layer 1 are keyed,
     * reduced and summarised apart from those of layer 0, and only layer 1 sends its maps to the driver:
     * the report, drawn for the class the model predicts correctly most often, equals the single-machine one.
     */
    @Test
    void aTwoLayerModelGivesTheSingleMachineReport() throws IOException {
        Path two = dir.resolve("two-layers");
        Run t = bertgeo("train", "--fasta", dir.resolve("train.fasta").toString(), "--out", two.toString(),
                "--preset", "small", "--epochs", "1", "--seed", "5");
        assertEquals(0, t.code(), t.err());
        Path twoModel = two.resolve("model");
        JsonObject config = JsonParser.parseString(Files.readString(twoModel.resolve("config.json"))).getAsJsonObject();
        assertEquals(2, config.get("num_hidden_layers").getAsInt());
        Path spikes = dir.resolve("spikes-40.fasta");
        assertEquals(0, bertgeo("simulate", "--output", spikes.toString(), "--per-class", "5", "--seed", "11").code());
        Path first = dir.resolve("two-layers-first");
        Run probe = analyze(twoModel, spikes, first, null);
        assertEquals(0, probe.code(), probe.err());
        int best = bestPredicted(first);
        assertTrue(correct(first, best) > 0, "some class is predicted correctly");
        assertSparkDrawsTheSingleMachineMaps(twoModel, spikes, "two-layers-", classNames(first).get(best));
    }

    @Test
    void aTaskThatFailsOnceIsRetriedAndCountsOnce() throws IOException {
        assertRetriedAndCountedOnce(InjectedFailure.BATCH_KEY, "5", "retried");
    }

    /**
     * Task 0 fails on its first attempt after the shuffle has taken two of its blocks (the rest and the
     * first head's), so part of its output was already written; the retried task writes every block again
     * and the first attempt's are discarded: the report equals the single-machine one, nothing counted twice.
     * Task 0 holds data: with 4 partitions it gets units of work 0, 4 and 8 of the 10.
     */
    @Test
    void aTaskThatFailsAfterWritingSomeBlocksIsRetriedAndCountsOnce() throws IOException {
        assertRetriedAndCountedOnce(InjectedFailure.AFTER_BLOCKS_KEY, "2", "retried-after-blocks");
    }

    /**
     * With the test hook {@code key} set, {@code local[2,2]} (two attempts per task) fails a task once and
     * still writes the single-machine report.
     */
    static void assertRetriedAndCountedOnce(String key, String value, String name) throws IOException {
        Path marker = dir.resolve(name + ".failed");
        System.setProperty(key, value);
        System.setProperty(InjectedFailure.MARKER_KEY, marker.toString());
        Path out = dir.resolve(name);
        Run r = analyze(out, "local[2,2]");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(marker), "the injected failure happened");
        assertSameReport(out);
    }

    @Test
    void aFailedJobLeavesNoReportFolder() throws IOException {
        System.setProperty(InjectedFailure.BATCH_KEY, "2");
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
