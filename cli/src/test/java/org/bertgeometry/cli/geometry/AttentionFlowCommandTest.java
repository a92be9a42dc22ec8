package org.bertgeometry.cli.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bertgeometry.cli.BertGeo;
import org.bertgeometry.cli.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code attention-flow} on a folder of per-layer, per-head maps, checked against a hand calculation.
 *
 * <p>Layer 1 has two heads, [[1,0],[0,1]] and [[1,0],[1,0]]: their mean is [[1,0],[0.5,0.5]]; plus the
 * identity and rows renormalised, Ahat1 = [[1,0],[0.25,0.75]]. Layer 2 has two copies of [[0.5,0.5],[0,1]]:
 * Ahat2 = [[1.5,0.5],[0,2]] / 2 = [[0.75,0.25],[0,1]]. Rollout = Ahat2 Ahat1: row 0 = 0.75 [1,0] +
 * 0.25 [0.25,0.75] = [0.8125, 0.1875]; row 1 = [0.25, 0.75]. Flow with two layers is
 * sum_k min(Ahat2[i][k], Ahat1[k][j]): from output 0, input 0: min(0.75,1) + min(0.25,0.25) = 1.0;
 * input 1: min(0.75,0) + min(0.25,0.75) = 0.25. Normalised: 0.8 and 0.2. From output 1: input 0:
 * min(0,1) + min(1,0.25) = 0.25; input 1: min(0,0) + min(1,0.75) = 0.75.
 */
class AttentionFlowCommandTest {

    @TempDir
    Path dir;

    private Path maps;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @BeforeEach
    void writeMaps() throws IOException {
        maps = Files.createDirectory(dir.resolve("maps"));
        Files.writeString(maps.resolve("layer1-head1.csv"), "1,0\n0,1\n");
        Files.writeString(maps.resolve("layer1-head2.csv"), "1,0\n1,0\n");
        Files.writeString(maps.resolve("layer2-head1.csv"), "0.5,0.5\n0,1\n");
        Files.writeString(maps.resolve("layer2-head2.csv"), "0.5,0.5\n0,1\n");
    }

    private static double cell(List<String> lines, int row, int column) {
        return Double.parseDouble(lines.get(row).split(",")[column]);
    }

    /** Runs attention-flow on the maps with {@code options}, requires success and returns the CSV's lines. */
    private List<String> flowTable(String... options) throws IOException {
        Path out = dir.resolve("flow.csv");
        List<String> args = new ArrayList<>(List.of("attention-flow", "--attention", maps.toString()));
        args.addAll(List.of(options));
        args.addAll(List.of("--output", out.toString()));
        CliRun r = run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return Files.readAllLines(out);
    }

    @Test
    void rolloutAndFlowOfOneOutputPositionMatchTheHandCalculation() throws IOException {
        List<String> l = flowTable();
        assertEquals("output_position,input_position,rollout,flow", l.get(0));
        assertEquals(3, l.size());
        assertEquals(0.8125, cell(l, 1, 2), 1e-12);
        assertEquals(0.1875, cell(l, 2, 2), 1e-12);
        assertEquals(1.0, cell(l, 1, 3), 1e-12);
        assertEquals(0.25, cell(l, 2, 3), 1e-12);
    }

    @Test
    void everyPositionAndNormalisedFlow() throws IOException {
        List<String> l = flowTable("--all-positions", "--normalize-flow");
        assertEquals(5, l.size());
        assertEquals(0.8, cell(l, 1, 3), 1e-12);
        assertEquals(0.2, cell(l, 2, 3), 1e-12);
        // output 1: raw 0.25 and 0.75 already sum to 1
        assertEquals(0.25, cell(l, 3, 2), 1e-12);
        assertEquals(0.25, cell(l, 3, 3), 1e-12);
        assertEquals(0.75, cell(l, 4, 3), 1e-12);
    }

    @Test
    void rolloutOnlyLeavesTheFlowColumnEmpty() throws IOException {
        List<String> l = flowTable("--no-flow", "--output-position", "1");
        assertEquals("1,0,0.25,", l.get(1));
        assertEquals("1,1,0.75,", l.get(2));
    }

    @Test
    void strayFilesMissingLayersUnevenHeadsAndBadPositionsAreClearErrors() throws IOException {
        Path out = dir.resolve("o.csv");
        Files.writeString(maps.resolve("notes.csv"), "1,0\n0,1\n");
        CliRun r = run("attention-flow", "--attention", maps.toString(), "--output", out.toString());
        assertEquals(BertGeo.EXIT_ERROR, r.code());
        assertTrue(r.err().contains("not named layer<L>-head<H>") && r.err().contains("notes.csv"), r.err());
        Files.delete(maps.resolve("notes.csv"));

        Files.writeString(maps.resolve("layer4-head1.csv"), "1,0\n0,1\n");
        Files.writeString(maps.resolve("layer4-head2.csv"), "1,0\n0,1\n");
        r = run("attention-flow", "--attention", maps.toString(), "--output", out.toString());
        assertEquals(BertGeo.EXIT_ERROR, r.code());
        assertTrue(r.err().contains("layer 3 has no maps"), r.err());
        Files.delete(maps.resolve("layer4-head1.csv"));
        Files.delete(maps.resolve("layer4-head2.csv"));

        Files.writeString(maps.resolve("layer2-head3.csv"), "1,0\n0,1\n");
        r = run("attention-flow", "--attention", maps.toString(), "--output", out.toString());
        assertEquals(BertGeo.EXIT_ERROR, r.code());
        assertTrue(r.err().contains("layer 2 has 3 head maps but layer 1 has 2"), r.err());
        Files.delete(maps.resolve("layer2-head3.csv"));

        r = run("attention-flow", "--attention", maps.toString(), "--output-position", "2", "--output", out.toString());
        assertEquals(BertGeo.EXIT_ERROR, r.code());
        assertTrue(r.err().contains("--output-position 2 is outside the maps' 0..1"), r.err());
        assertTrue(!Files.exists(out), "no output after an error");
    }
}
