package org.bertgeometry.cli.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bertgeometry.capture.CaptureSpec;
import org.bertgeometry.capture.HookNames;
import org.bertgeometry.checkpoint.BertCheckpoint;
import org.bertgeometry.checkpoint.HuggingFaceFolder;
import org.bertgeometry.checkpoint.ModelLoader;
import org.bertgeometry.cli.BertGeo;
import org.bertgeometry.cli.CliRun;
import org.bertgeometry.inference.LoadedBert;
import org.bertgeometry.model.Activation;
import org.bertgeometry.model.BertConfig;
import org.bertgeometry.model.BertInit;
import org.bertgeometry.model.BertWeights;
import org.bertgeometry.model.ForwardResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bertgeo infer --attention-dir}: one {@code .npy} per line, layer and head, on a random 3-layer,
 * 2-head model (layers differ from heads so that a swapped loop would show in the counts).
 */
class InferAttentionDirTest {

    private static final int LAYERS = 3;
    private static final int HEADS = 2;
    /** Batch size 2 over three lines: one padded batch (6 and 3 tokens) and one more batch. */
    private static final List<String> LINES = List.of("a a a a", "a", "a a");
    /** Counted by hand: [CLS] + one token per "a" + [SEP]. */
    private static final int[] TOKENS = {6, 3, 4};

    @TempDir
    static Path dir;
    static Path model;
    static Path input;
    /** Written once by {@link #runInferOnce()} into a folder that existed and was empty. */
    static Path maps;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static Path tinyModel() throws IOException {
        BertConfig c = new BertConfig(6, 8, LAYERS, HEADS, 16, Activation.GELU, 16, 2, 1e-12, 0.1, 0.1, List.of());
        BertWeights weights = BertInit.random(c, 11, false);
        List<String> vocab = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "a");
        Path folder = dir.resolve("model");
        HuggingFaceFolder.save(new BertCheckpoint(c, weights, vocab, Map.of(), null), folder);
        return folder;
    }

    @BeforeAll
    static void runInferOnce() throws IOException {
        model = tinyModel();
        input = dir.resolve("lines.txt");
        Files.writeString(input, String.join("\n", LINES) + "\n", StandardCharsets.UTF_8);
        maps = dir.resolve("maps");
        Files.createDirectories(maps); // an existing empty folder is accepted
        CliRun r = run("infer", "--model", model.toString(), "--input", input.toString(), "--output",
                dir.resolve("hidden.csv").toString(), "--batch-size", "2", "--attention-dir", maps.toString());
        assertEquals(0, r.code(), r.err());
    }

    /**
     * A minimal .npy reader written here from the format description, independent of the product's
     * reader and writer: checks magic, version 1.0, the 64-byte alignment and the header entries.
     */
    private static float[][] readNpy(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        assertEquals("\u0093NUMPY", new String(b, 0, 6, StandardCharsets.ISO_8859_1), file + ": magic");
        assertEquals(1, b[6], "major version");
        assertEquals(0, b[7], "minor version");
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int headerLen = Short.toUnsignedInt(buf.getShort(8));
        assertEquals(0, (10 + headerLen) % 64, "preamble must be a multiple of 64 bytes");
        String header = new String(b, 10, headerLen, StandardCharsets.US_ASCII);
        assertTrue(header.endsWith("\n"), header);
        assertTrue(header.contains("'descr': '<f4'"), header);
        assertTrue(header.contains("'fortran_order': False"), header);
        Matcher m = Pattern.compile("'shape': \\((\\d+), (\\d+)\\)").matcher(header);
        assertTrue(m.find(), header);
        int rows = Integer.parseInt(m.group(1));
        int cols = Integer.parseInt(m.group(2));
        assertEquals(10 + headerLen + 4L * rows * cols, b.length, file + ": data size");
        float[][] out = new float[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[i][j] = buf.getFloat(10 + headerLen + 4 * (i * cols + j));
            }
        }
        return out;
    }

    private static Path mapFile(int line, int layer, int head) {
        return maps.resolve("sentence-" + line).resolve("layer" + layer + "-head" + head + ".npy");
    }

    private static List<String> relativeFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().collect(Collectors.toList());
        }
    }

    @Test
    void writesOneFilePerLineLayerAndHeadNamedOneBasedLikeTheCsvSentenceColumn() throws IOException {
        List<String> expected = new ArrayList<>();
        for (int k = 1; k <= LINES.size(); k++) {
            for (int l = 1; l <= LAYERS; l++) {
                for (int h = 1; h <= HEADS; h++) {
                    expected.add("sentence-" + k + "/layer" + l + "-head" + h + ".npy");
                }
            }
        }
        expected.sort(null);
        assertEquals(LINES.size() * LAYERS * HEADS, expected.size());
        assertEquals(expected, relativeFiles(maps));
        // the hidden-state CSV numbers the same lines 1, 2, 3
        List<String> csv = Files.readAllLines(dir.resolve("hidden.csv"));
        assertTrue(csv.get(1).startsWith("1,0,[CLS],"), csv.get(1));
        assertTrue(csv.get(csv.size() - 1).startsWith("3,3,[SEP],"), csv.get(csv.size() - 1));
        // nothing left beside the folder from the staging step
        try (Stream<Path> s = Files.list(dir)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().contains(".partial-")));
        }
    }

    @Test
    void eachMapIsSquareOverTheLinesRealTokensAndRowsSumToOne() throws IOException {
        for (int k = 1; k <= LINES.size(); k++) {
            for (int l = 1; l <= LAYERS; l++) {
                for (int h = 1; h <= HEADS; h++) {
                    float[][] a = readNpy(mapFile(k, l, h));
                    assertEquals(TOKENS[k - 1], a.length, "rows of line " + k);
                    for (float[] row : a) {
                        assertEquals(TOKENS[k - 1], row.length, "columns of line " + k);
                        double sum = 0;
                        for (float v : row) {
                            assertTrue(v >= 0, "probabilities are non-negative");
                            sum += v;
                        }
                        // a float32 softmax over at most 6 entries: rounding far below 1e-5
                        assertEquals(1.0, sum, 1e-5);
                    }
                }
            }
        }
    }

    @Test
    void mapsEqualTheEnginesOwnCaptureOfEachLineAlone() throws IOException {
        // A sanity check of the writing path (layer/head/line bookkeeping, byte order, cropping of
        // padding), not an independent check of the attention itself. Each line is run alone here,
        // unpadded, while the command ran it in a padded batch of two; padded keys get exactly zero
        // probability, so only float32 summation order may differ: 1e-6 on values in [0, 1].
        try (LoadedBert bert = LoadedBert.open(ModelLoader.load(model))) {
            for (int k = 1; k <= LINES.size(); k++) {
                assertEquals(TOKENS[k - 1], bert.tokenizer().encode(LINES.get(k - 1)).realLength(),
                        "hand count of line " + k + " agrees with the tokenizer");
                ForwardResult r = bert.model().forward(bert.batch(List.of(bert.tokenizer().encode(LINES.get(k - 1)))),
                        CaptureSpec.attentionProbs(), false);
                for (int l = 0; l < LAYERS; l++) {
                    for (int h = 0; h < HEADS; h++) {
                        float[][] want = r.captures().get(0).get(HookNames.attentionProbs(l)).headMatrix(h);
                        float[][] got = readNpy(mapFile(k, l + 1, h + 1));
                        for (int i = 0; i < want.length; i++) {
                            assertArrayEquals(want[i], got[i], 1e-6f, "line " + k + " layer " + (l + 1) + " head "
                                    + (h + 1) + " row " + i);
                        }
                    }
                }
            }
        }
    }

    @Test
    void classifyHeadsReadsOneLinesFolderAndWritesARowPerLayerAndHead() throws IOException {
        Path fresh = dir.resolve("e2e").resolve("maps"); // parent folders are created
        CliRun r = run("infer", "--model", model.toString(), "--input", input.toString(), "--output",
                dir.resolve("e2e.csv").toString(), "--attention-dir", fresh.toString());
        assertEquals(0, r.code(), r.err());
        Path out = dir.resolve("heads.csv");
        CliRun c = run("classify-heads", "--attention", fresh.resolve("sentence-1").toString(), "--output", out.toString());
        assertEquals(0, c.code(), c.err());
        List<String> rows = Files.readAllLines(out);
        assertEquals(1 + LAYERS * HEADS, rows.size(), rows.toString());
        assertTrue(rows.get(1).startsWith("layer1-head1.npy,"), rows.get(1));
    }

    @Test
    void anExistingNonEmptyFolderIsRefusedAndLeftUntouched() throws IOException {
        Path taken = dir.resolve("taken");
        Files.createDirectories(taken);
        Files.writeString(taken.resolve("keep.txt"), "mine");
        CliRun r = run("infer", "--model", model.toString(), "--input", input.toString(), "--output",
                dir.resolve("t.csv").toString(), "--attention-dir", taken.toString());
        assertEquals(BertGeo.EXIT_ERROR, r.code());
        assertEquals("bertgeo: error: " + taken + " (--attention-dir) already exists and is not empty; remove it or "
                + "give a new folder name", r.err().strip());
        assertEquals(List.of("keep.txt"), relativeFiles(taken));
        assertEquals("mine", Files.readString(taken.resolve("keep.txt")));
    }

    @Test
    void aFailureAfterSomeLinesLeavesNoFolderAndNoTemporaryFolder() throws IOException {
        // line 3 has 20 + 2 tokens, more than the model's 16 positions: the second batch fails after the
        // first batch's maps were written into the staging folder
        Path in = dir.resolve("too-long.txt");
        Files.writeString(in, "a\na a\n" + "a ".repeat(20) + "\n", StandardCharsets.UTF_8);
        Path parent = Files.createDirectories(dir.resolve("failing"));
        Path target = parent.resolve("maps");
        CliRun r = run("infer", "--model", model.toString(), "--input", in.toString(), "--output",
                dir.resolve("f.csv").toString(), "--batch-size", "2", "--attention-dir", target.toString(),
                "--no-progress");
        assertEquals(BertGeo.EXIT_ERROR, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(dir.resolve("f.csv")), "the CSV cut short by the error is removed");
        try (Stream<Path> s = Files.list(parent)) {
            assertEquals(List.of(), s.collect(Collectors.toList()), "neither the folder nor its staging copy remains");
        }
    }
}
