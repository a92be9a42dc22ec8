package org.bertgeometry.cli.variants;

import org.bertgeometry.cli.CliRun;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bertgeometry.model.BertConfig;
import org.bertgeometry.variants.fasta.AmbiguityPolicy;
import org.bertgeometry.variants.fasta.FastaReader;
import org.bertgeometry.variants.fasta.FastaWriter;
import org.bertgeometry.variants.fasta.SequenceRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.bertgeometry.checkpoint.ConfigFile;

/**
 * {@code bertgeo train} and {@code bertgeo predict} on a small noiseless simulated set with the TINY
 * preset and one epoch: what files they write, that the same seed reproduces them byte for byte, and
 * how they treat bad input. The model is too briefly trained for its accuracy to mean anything here.
 */
class TrainPredictCommandsTest {

    private static final List<String> PAPER = List.of("gh", "lambda", "mu", "alpha", "beta", "delta", "gamma",
            "omicron");

    @TempDir
    static Path dir;
    static Path spikes;
    static Path runA;
    static Path runB;
    static CliRun trainA;

    @BeforeAll
    static void simulateAndTrainTwice() {
        spikes = dir.resolve("spikes.fasta");
        assertEquals(0, CliRun.of("simulate", "--output", spikes.toString(), "--per-class", "5", "--seed", "11",
                "--noise-scale", "0").code());
        runA = dir.resolve("a");
        runB = dir.resolve("b");
        trainA = train(runA);
        assertEquals(0, trainA.code(), trainA.err());
        CliRun b = train(runB);
        assertEquals(0, b.code(), b.err());
    }

    private static CliRun train(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--fasta", spikes.toString(), "--out",
                out.toString(), "--preset", "tiny", "--epochs", "1", "--seed", "5"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static List<String> lines(Path f) throws IOException {
        return Files.readAllLines(f);
    }

    @Test
    void trainWritesTheModelMetricsHistoryAndTestPredictions() throws IOException {
        BertConfig config = ConfigFile.read(runA.resolve("model/config.json"));
        assertEquals(PAPER, config.labels());
        assertTrue(Files.exists(runA.resolve("model/model.safetensors")));
        assertTrue(Files.exists(runA.resolve("model/vocab.txt")));
        String metrics = Files.readString(runA.resolve("metrics.json"));
        assertTrue(metrics.contains("\"accuracy\""), metrics);
        assertTrue(metrics.contains("\"macro_f1\""), metrics);
        List<String> history = lines(runA.resolve("history.csv"));
        assertEquals("epoch,train_loss,validation_loss,validation_accuracy,learning_rate,best", history.get(0));
        assertEquals(2, history.size(), "one epoch, one row");
        List<String> preds = lines(runA.resolve("test-predictions.csv"));
        assertEquals("id,true,predicted," + String.join(",", PAPER), preds.get(0));
        // 40 sequences: test = ceil(0.2 * 40) = 8 (one per class), validation = ceil(0.08 * 32) = 3, train 29
        assertEquals(1 + 8, preds.size());
        assertTrue(trainA.out().contains("(29 train, 3 validation, 8 test; 8 classes"), trainA.out());
        assertTrue(trainA.out().contains("test accuracy "), trainA.out());
        assertTrue(trainA.out().contains("wall time "), trainA.out());
        assertTrue(trainA.err().contains("train epoch 1:"), trainA.err());
    }

    @Test
    void sameSeedGivesByteIdenticalMetricsHistoryAndPredictions() throws IOException {
        for (String f : List.of("metrics.json", "history.csv", "test-predictions.csv", "model/model.safetensors",
                "model/vocab.txt", "model/abstention.json")) {
            assertArrayEquals(Files.readAllBytes(runA.resolve(f)), Files.readAllBytes(runB.resolve(f)), f);
        }
    }

    @Test
    void predictWritesOneProbabilityColumnPerClassSummingToOneAndScoresLabelledInput() throws IOException {
        Path out = dir.resolve("pred.csv");
        CliRun r = CliRun.of("predict", "--model", runA.resolve("model").toString(), "--fasta", spikes.toString(),
                "--output", out.toString(), "--batch-size", "7");
        assertEquals(0, r.code(), r.err());
        List<String> rows = lines(out);
        assertEquals("id,predicted," + String.join(",", PAPER), rows.get(0));
        assertEquals(1 + 40, rows.size());
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",");
            assertEquals(2 + PAPER.size(), cells.length, row);
            assertTrue(PAPER.contains(cells[1]), row);
            double sum = 0;
            double best = -1;
            String argmax = null;
            for (int c = 0; c < PAPER.size(); c++) {
                double p = Double.parseDouble(cells[2 + c]);
                assertTrue(p >= 0 && p <= 1, row);
                sum += p;
                if (p > best) {
                    best = p;
                    argmax = PAPER.get(c);
                }
            }
            // eight doubles of a softmax normalised in double precision: the sum is 1 up to rounding
            assertEquals(1.0, sum, 1e-12, row);
            assertEquals(argmax, cells[1], "predicted is the most probable class: " + row);
        }
        assertTrue(r.out().contains("accuracy "), r.out());
        assertTrue(r.out().contains("on 40 labelled sequences"), r.out());
    }

    @Test
    void minProbabilityLeavesUnassignedExactlyTheLessConfidentAndCountsThemAsWrong() throws IOException {
        Path plain = dir.resolve("plain.csv");
        assertEquals(0, CliRun.of("predict", "--model", runA.resolve("model").toString(), "--fasta", spikes.toString(),
                "--output", plain.toString()).code());
        List<String> rows = lines(plain).subList(1, 41);
        double[] max = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = rows.get(i).split(",");
            for (int c = 0; c < PAPER.size(); c++) {
                max[i] = Math.max(max[i], Double.parseDouble(cells[2 + c]));
            }
        }
        double[] sorted = max.clone();
        java.util.Arrays.sort(sorted);
        double threshold = sorted[20]; // the 21st smallest: 20 sequences lie strictly below unless tied
        Path out = dir.resolve("abstained.csv");
        CliRun r = CliRun.of("predict", "--model", runA.resolve("model").toString(), "--fasta", spikes.toString(),
                "--output", out.toString(), "--min-probability", Double.toString(threshold));
        assertEquals(0, r.code(), r.err());
        List<String> got = lines(out).subList(1, 41);
        int unassigned = 0;
        int right = 0;
        List<SequenceRecord> records = FastaReader.readAll(spikes, AmbiguityPolicy.KEEP);
        for (int i = 0; i < got.size(); i++) {
            String predicted = got.get(i).split(",")[1];
            assertEquals(max[i] < threshold, predicted.equals("unassigned"), got.get(i));
            unassigned += predicted.equals("unassigned") ? 1 : 0;
            right += records.get(i).description().equals("class=" + predicted) ? 1 : 0;
        }
        assertTrue(r.out().contains(unassigned + " of 40 sequence(s) unassigned"), r.out());
        // without the stored rule the probability threshold is the only reason
        assertTrue(r.out().contains("low probability " + unassigned + ", far embedding 0, missing signature 0"), r.out());
        assertTrue(r.out().contains(String.format(java.util.Locale.ROOT, "accuracy %.4f,", right / 40.0)), r.out());
    }

    @Test
    void abstainNeedsTheStoredRuleAndSaysHowToGetOne() throws IOException {
        Path copy = dir.resolve("no-rule-model");
        Files.createDirectories(copy);
        try (var files = Files.list(runA.resolve("model"))) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().equals("abstention.json")) {
                    Files.copy(f, copy.resolve(f.getFileName()));
                }
            }
        }
        CliRun r = CliRun.of("predict", "--model", copy.toString(), "--fasta", spikes.toString(), "--output",
                dir.resolve("x.csv").toString(), "--abstain");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("abstention.json") && r.err().contains("no abstention rule"), r.err());
        CliRun ok = CliRun.of("predict", "--model", runA.resolve("model").toString(), "--fasta", spikes.toString(),
                "--output", dir.resolve("y.csv").toString(), "--abstain");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("of 40 sequence(s) unassigned"), ok.out());
        // every unassigned sequence has at least one reason, and no reason counts more sequences than are unassigned
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) of 40 sequence\\(s\\) unassigned \\([^;]*; "
                + "low probability (\\d+), far embedding (\\d+), missing signature (\\d+)\\)").matcher(ok.out());
        assertTrue(m.find(), ok.out());
        int k = Integer.parseInt(m.group(1));
        int[] by = {Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))};
        assertTrue(Math.max(by[0], Math.max(by[1], by[2])) <= k && k <= by[0] + by[1] + by[2], ok.out());
    }

    @Test
    void predictAcceptsWholeGenomesAndWritesMetricsJson() throws IOException {
        Path genomes = dir.resolve("genomes.fasta");
        assertEquals(0, CliRun.of("simulate", "--output", genomes.toString(), "--per-class", "1", "--seed", "7",
                "--whole-genome").code());
        Path out = dir.resolve("pred-genomes.csv");
        Path metrics = dir.resolve("pred-metrics.json");
        CliRun r = CliRun.of("predict", "--model", runA.resolve("model").toString(), "--fasta", genomes.toString(),
                "--output", out.toString(), "--metrics", metrics.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(1 + 8, lines(out).size());
        assertTrue(r.out().contains("(8 whole genomes, 0 skipped)"), r.out());
        assertTrue(Files.readString(metrics).contains("\"macro_f1\""));
    }

    @Test
    void predictFailsBelowTheRequestedMinimumAccuracyAfterWritingItsOutput() throws IOException {
        Path out = dir.resolve("min.csv");
        // one epoch of TINY on 29 sequences is far from perfect (test accuracy above is 1/8), so 1.0 fails
        CliRun r = CliRun.of("predict", "--model", runA.resolve("model").toString(), "--fasta", spikes.toString(),
                "--output", out.toString(), "--min-accuracy", "1.0");
        assertTrue(r.failedCleanly(), r.err());
        assertTrue(r.err().contains("is below --min-accuracy 1.0"), r.err());
        assertEquals(41, lines(out).size());
        CliRun ok = CliRun.of("predict", "--model", runA.resolve("model").toString(), "--fasta", spikes.toString(),
                "--output", out.toString(), "--min-accuracy", "0");
        assertEquals(0, ok.code(), ok.err());
    }

    @Test
    void predictTruncatesSequencesLongerThanTheModelWithAWarning() throws IOException {
        SequenceRecord s = FastaReader.readAll(spikes, AmbiguityPolicy.KEEP).get(0);
        Path in = dir.resolve("long.fasta");
        try (FastaWriter w = FastaWriter.create(in)) {
            // two spikes back to back: 7,644 nt (a multiple of 12, so no N padding) -> (7644 - 12) / 9 + 1
            // = 849 k-mers > 510, yet below the 10,000 nt whole-genome threshold
            w.write(new SequenceRecord("double", "", s.sequence() + s.sequence()));
            w.write(s);
        }
        CliRun r = CliRun.of("predict", "--model", runA.resolve("model").toString(), "--fasta", in.toString(),
                "--output", dir.resolve("long.csv").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("1 sequence(s) were longer than the model's 512 tokens and were truncated"),
                r.err());
    }

    @Test
    void predictSkipsGenomesWithoutSpikeAndFailsWhenNoneRemain() throws IOException {
        Path in = dir.resolve("nospike.fasta");
        try (FastaWriter w = FastaWriter.create(in)) {
            w.write(new SequenceRecord("random", "class=alpha", SimulateExtractCommandsTest.randomDna(20_000, 3)));
        }
        CliRun r = CliRun.of("predict", "--model", runA.resolve("model").toString(), "--fasta", in.toString(),
                "--output", dir.resolve("nospike.csv").toString());
        assertTrue(r.failedCleanly(), r.err());
        assertTrue(r.err().contains("skipped 'random' (missing spike)"), r.err());
        assertTrue(r.err().contains("none of the 1 genomes has a usable spike"), r.err());
    }

    @Test
    void trainRefusesLabelsWithASingleClass() throws IOException {
        Path labels = Files.writeString(dir.resolve("one-class.csv"), "id,class\n"
                + String.join("\n", ids().stream().map(id -> id + ",alpha").toList()) + "\n");
        CliRun r = train(dir.resolve("single"), "--labels", labels.toString());
        assertTrue(r.failedCleanly(), r.err());
        assertTrue(r.err().contains("all 40 sequences have the class 'alpha'; a classifier needs sequences of at"
                + " least two classes"), r.err());
    }

    @Test
    void trainRefusesSequencesWithoutClass() throws IOException {
        Path labels = Files.writeString(dir.resolve("partial.csv"), "id,class\ngh_1,gh\nnot_there,alpha\n");
        CliRun r = train(dir.resolve("partial"), "--labels", labels.toString());
        assertTrue(r.failedCleanly(), r.err());
        assertTrue(r.err().contains("39 sequence(s) have no class (first: 'gh_2')"), r.err());
        assertTrue(r.err().contains("warning: 1 id(s) of " + labels + " are not in"), r.err());
    }

    @Test
    void aClassWithOneSequenceIsKeptInTrainingWithAWarningAndOverlongTrainingSequencesAreTruncated()
            throws IOException {
        // the 40 spikes labelled 20 "left" and 20 "right", plus one over-long sequence (two spikes back to
        // back, 849 k-mers > 510) as the only "lonely" one; custom names are sorted alphabetically
        List<SequenceRecord> recs = FastaReader.readAll(spikes, AmbiguityPolicy.KEEP);
        Path fasta = dir.resolve("lonely.fasta");
        StringBuilder csv = new StringBuilder("id,class\n");
        try (FastaWriter w = FastaWriter.create(fasta)) {
            for (int i = 0; i < recs.size(); i++) {
                w.write(recs.get(i));
                csv.append(recs.get(i).id()).append(',').append(i < 20 ? "left" : "right").append('\n');
            }
            String s = recs.get(0).sequence();
            w.write(new SequenceRecord("double", "", s + s));
            csv.append("double,lonely\n");
        }
        Path labels = Files.writeString(dir.resolve("lonely.csv"), csv);
        Path out = dir.resolve("lonely");
        CliRun r = CliRun.of("train", "--fasta", fasta.toString(), "--labels", labels.toString(), "--out",
                out.toString(), "--preset", "tiny", "--epochs", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("class 'lonely' has only 1 sequence(s), too few to stratify"), r.err());
        // the lonely sequence is forced into training, so exactly it is truncated there
        assertTrue(r.err().contains("1 training sequence(s) were longer than the model's 512 positions"), r.err());
        assertEquals(List.of("left", "lonely", "right"), ConfigFile.read(out.resolve("model/config.json")).labels());
        String metrics = Files.readString(out.resolve("metrics.json")).replaceAll("\\s", "");
        assertTrue(metrics.contains("\"train_only_classes\":[\"lonely\"]"), metrics);
        assertTrue(metrics.contains("\"truncated_training_sequences\":1"), metrics);
        List<String> tested = lines(out.resolve("test-predictions.csv"));
        for (String row : tested.subList(1, tested.size())) {
            assertNotEquals("lonely", row.split(",")[1], "the lonely class is not tested: " + row);
        }
    }

    @Test
    void basePresetNeedsABaseModel() {
        CliRun r = CliRun.of("train", "--fasta", spikes.toString(), "--out", dir.resolve("base").toString(),
                "--preset", "base");
        assertTrue(r.failedCleanly(), r.err());
        assertTrue(r.err().contains("--base-model"), r.err());
    }

    private static List<String> ids() throws IOException {
        return FastaReader.readAll(spikes, AmbiguityPolicy.KEEP).stream().map(SequenceRecord::id).toList();
    }
}
