package org.bertgeometry.cli.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bertgeometry.cli.BertGeo;
import org.bertgeometry.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeometryCommandsTest {

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    /** A .npy v1.0 file written byte by byte from the format description. */
    private static void writeNpy(Path file, double[][] m, boolean float32) throws IOException {
        int rows = m.length;
        int cols = m[0].length;
        String dict = "{'descr': '" + (float32 ? "<f4" : "<f8") + "', 'fortran_order': False, 'shape': (" + rows + ", "
                + cols + "), }";
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        int width = float32 ? 4 : 8;
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + rows * cols * width).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        for (double[] row : m) {
            for (double v : row) {
                if (float32) {
                    b.putFloat((float) v);
                } else {
                    b.putDouble(v);
                }
            }
        }
        Files.write(file, b.array());
    }

    private static List<String> lines(Path p) throws IOException {
        return Files.readAllLines(p);
    }

    private static String cell(List<String> lines, int row, String column) {
        List<String> header = List.of(lines.get(0).split(","));
        return lines.get(row).split(",")[header.indexOf(column)];
    }

    @Test
    void coneIndexPerClassAndForAll() throws IOException {
        Path in = dir.resolve("v.csv");
        Files.writeString(in, "x,y,label\n1,0,a\n2,0,a\n0,1,b\n0,-1,b\n");
        Path out = dir.resolve("cone.csv");
        CliRun r = run("cone-index", "--vectors", in.toString(), "--class-column", "label", "--output", out.toString());
        assertEquals(0, r.code(), r.err());
        // a: two copies of e1 -> 2, 1.0; b: e2 and -e2 -> 0; all: e1 + e1 + e2 - e2 = 2e1 -> 2, 0.5
        assertEquals(List.of("class,n,cone_index,cone_index_normalized", "a,2,2.0,1.0", "b,2,0.0,0.0",
                "ALL,4,2.0,0.5"), lines(out));
    }

    @Test
    void attentionStatsReadsNpyAndCsvFromAFolder() throws IOException {
        Path maps = Files.createDirectory(dir.resolve("maps"));
        writeNpy(maps.resolve("a_eye.npy"), new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, true);
        Files.writeString(maps.resolve("b_uniform.csv"), "k0,k1,k2,k3\n" + "0.25,0.25,0.25,0.25\n".repeat(4));
        Files.writeString(maps.resolve("notes.txt"), "ignored");
        Path out = dir.resolve("stats.csv");
        CliRun r = run("attention-stats", "--attention", maps.toString(), "--output", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> l = lines(out);
        assertEquals(3, l.size());
        assertEquals("a_eye.npy", cell(l, 1, "file"));
        // identity: orthogonal unit rows -> sqrt 3; rank 3; von Neumann L1: p = 1/3 each -> ln 3;
        // L2: p = 1/sqrt 3 each -> -3 (1/sqrt 3) ln(1/sqrt 3) = sqrt 3 ln sqrt 3
        assertEquals(Math.sqrt(3), Double.parseDouble(cell(l, 1, "cone_index_rows")), 1e-12);
        assertEquals(Math.log(3), Double.parseDouble(cell(l, 1, "von_neumann_l1")), 1e-12);
        assertEquals(Math.sqrt(3) * Math.log(Math.sqrt(3)), Double.parseDouble(cell(l, 1, "von_neumann_l2")), 1e-12);
        assertEquals("3", cell(l, 1, "rank_at_cut"));
        // uniform 4x4 (methods reference item 5: U -> 4.0), rank 1, asymmetry 0
        assertEquals(4.0, Double.parseDouble(cell(l, 2, "cone_index_rows")), 1e-12);
        assertEquals("1", cell(l, 2, "rank_at_cut"));
        assertEquals(0.0, Double.parseDouble(cell(l, 2, "asymmetry_proposal")), 0);
    }

    @Test
    void classifyHeadsLabelsAStripeAndASepSink() throws IOException {
        int n = 32;
        double[][] stripe = new double[n][n];
        double[][] sink = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                stripe[i][j] = 0.2 / n + (j == 3 ? 0.8 : 0);
                sink[i][j] = 0.3 / n + (j == n - 1 ? 0.7 : 0);
            }
        }
        writeNpy(dir.resolve("stripe.npy"), stripe, false);
        writeNpy(dir.resolve("sink.npy"), sink, true);
        Path out1 = dir.resolve("g1.csv");
        assertEquals(0, run("classify-heads", "--attention", dir.resolve("stripe.npy").toString(), "--output",
                out1.toString()).code());
        assertEquals("directional-gate", cell(lines(out1), 1, "gate"));
        // the directional rule reads the rank, so it is computed: every row is the same -> rank 1
        assertEquals("1", cell(lines(out1), 1, "rank"));
        Path out2 = dir.resolve("g2.csv");
        CliRun r = run("classify-heads", "--attention", dir.resolve("sink.npy").toString(), "--special-positions", "last",
                "--output", out2.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("closed-gate", cell(lines(out2), 1, "gate"));
        // closed by the [SEP] mass: no rule needed the rank, so by default the cell is empty
        assertEquals("", cell(lines(out2), 1, "rank"));
        Path out3 = dir.resolve("g3.csv");
        r = run("classify-heads", "--attention", dir.resolve("sink.npy").toString(), "--special-positions", "last",
                "--rank-every-map", "--output", out3.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("closed-gate", cell(lines(out3), 1, "gate"));
        // without [SEP] every kept row is uniform over 31 keys: all rows equal -> rank 1
        assertEquals("1", cell(lines(out3), 1, "rank"));
    }

    @Test
    void nonSquareMatrixIsAClearError() throws IOException {
        Path f = dir.resolve("rect.npy");
        writeNpy(f, new double[][] {{1, 0, 0}, {0, 1, 0}}, true);
        CliRun r = run("attention-stats", "--attention", f.toString(), "--output", dir.resolve("o.csv").toString());
        assertEquals(BertGeo.EXIT_ERROR, r.code());
        assertTrue(r.err().contains("must be square"), r.err());
    }

    @Test
    void nonFiniteAndMissingValuesAreClearErrors() throws IOException {
        Path f = dir.resolve("nan.csv");
        Files.writeString(f, "0.5,NaN\n0.5,0.5\n");
        CliRun r = run("classify-heads", "--attention", f.toString(), "--output", dir.resolve("o.csv").toString());
        assertEquals(BertGeo.EXIT_ERROR, r.code());
        assertTrue(r.err().contains("non-finite"), r.err());

        Path v = dir.resolve("v.csv");
        Files.writeString(v, "x,y\n1,2\n3,\n");
        r = run("cone-index", "--vectors", v.toString(), "--output", dir.resolve("o.csv").toString());
        assertEquals(BertGeo.EXIT_ERROR, r.code());
        assertTrue(r.err().contains("line 3, column 'y' (2): missing value"), r.err());
    }

    @Test
    void emptyInputsAreClearErrors() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        CliRun r = run("attention-stats", "--attention", empty.toString(), "--output", dir.resolve("o.csv").toString());
        assertEquals(BertGeo.EXIT_ERROR, r.code());
        assertTrue(r.err().contains("no .npy or .csv files"), r.err());

        Path v = dir.resolve("h.csv");
        Files.writeString(v, "x,y\n");
        r = run("cone-index", "--vectors", v.toString(), "--output", dir.resolve("o.csv").toString());
        assertEquals(BertGeo.EXIT_ERROR, r.code());
        assertTrue(r.err().contains("no data rows"), r.err());
    }

    @Test
    void mismatchedRowLengthsAndUnknownClassColumnAreClearErrors() throws IOException {
        Path v = dir.resolve("v.csv");
        Files.writeString(v, "x,y\n1,2\n3,4,5\n");
        CliRun r = run("cone-index", "--vectors", v.toString(), "--output", dir.resolve("o.csv").toString());
        assertEquals(BertGeo.EXIT_ERROR, r.code());
        assertTrue(r.err().contains("line 3: row has 3 cells but the header has 2 columns"), r.err());

        Files.writeString(v, "x,y\n1,2\n");
        r = run("cone-index", "--vectors", v.toString(), "--class-column", "label", "--output",
                dir.resolve("o.csv").toString());
        assertEquals(BertGeo.EXIT_ERROR, r.code());
        assertTrue(r.err().contains("class column 'label' is not in the header; columns are [x, y]"), r.err());
    }

    @Test
    void unsupportedNpyTypeAndBadSpecialPositionsAreClearErrors() throws IOException {
        Path f = dir.resolve("int.npy");
        writeNpy(f, new double[][] {{1}}, true);
        byte[] b = Files.readAllBytes(f);
        String s = new String(b, StandardCharsets.ISO_8859_1).replace("<f4", "<i4");
        Files.write(f, s.getBytes(StandardCharsets.ISO_8859_1));
        CliRun r = run("attention-stats", "--attention", f.toString(), "--output", dir.resolve("o.csv").toString());
        assertEquals(BertGeo.EXIT_ERROR, r.code());
        assertTrue(r.err().contains("dtype '<i4' is not supported"), r.err());

        Path g = dir.resolve("m.csv");
        Files.writeString(g, "0.5,0.5\n0.5,0.5\n");
        r = run("classify-heads", "--attention", g.toString(), "--special-positions", "5", "--output",
                dir.resolve("o.csv").toString());
        assertEquals(BertGeo.EXIT_ERROR, r.code());
        assertTrue(r.err().contains("outside a 2x2 map"), r.err());
    }
}
