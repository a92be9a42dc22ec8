package org.bertgeometry.cli.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.bertgeometry.cli.BertGeo;
import org.bertgeometry.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line behaves like a Unix tool: {@code -} reads standard input and writes standard
 * output (the summary then moves to stderr), a spreadsheet's CSV is read, every CSV is CRLF with
 * locale-independent numbers, and progress goes to stderr only as asked.
 */
class UnixConventionsTest {

    @TempDir
    Path dir;

    @Test
    void coneIndexReadsACsvThatASpreadsheetSavedWithBomAndCrlf() throws IOException {
        Path in = dir.resolve("saved.csv");
        byte[] text = "class,x,y\r\na,1,0\r\na,2,0\r\nb,0,1\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        Files.write(in, withBom);
        Path out = dir.resolve("cone.csv");
        CliRun r = CliRun.withStdin("", "cone-index", "--vectors", in.toString(), "--class-column", "class", "--output",
                out.toString());
        assertEquals(0, r.code(), r.err());
        // a: e1 twice -> |e1 + e1| = 2, / n = 1; b: e2 -> 1, 1; all: |3 e1 ... | -> |(2, 1)| = sqrt 5
        assertEquals("class,n,cone_index,cone_index_normalized\r\n"
                + "a,2,2.0,1.0\r\n"
                + "b,1,1.0,1.0\r\n"
                + "ALL,3," + Math.sqrt(5) + "," + Math.sqrt(5) / 3 + "\r\n", Files.readString(out));
    }

    @Test
    void dashReadsStdinAndWritesStdoutWithDecimalPointsInAGermanLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            CliRun r = CliRun.withStdin("x,y\n3,4\n", "cone-index", "--vectors", "-", "--output", "-");
            assertEquals(0, r.code(), r.err());
            // one unit vector (0.6, 0.8): cone index 1
            assertEquals("class,n,cone_index,cone_index_normalized\r\nALL,1,1.0,1.0\r\n", r.out(),
                    "only data on stdout");
            assertTrue(r.err().contains("cone-index: 1 vectors, 0 classes -> standard output"), r.err());
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void fastaCommandsChainThroughAPipe() throws IOException {
        Path file = dir.resolve("genomes.fasta");
        assertEquals(0, CliRun.of("simulate", "--output", file.toString(), "--per-class", "1", "--whole-genome",
                "--seed", "3").code());
        CliRun simulated = CliRun.of("simulate", "--output", "-", "--per-class", "1", "--whole-genome", "--seed", "3");
        assertEquals(0, simulated.code(), simulated.err());
        assertEquals(Files.readString(file), simulated.out(), "stdout carries exactly the file's FASTA");
        assertTrue(simulated.err().contains("wrote 8 simulated genomes") && simulated.err().contains("standard output"),
                simulated.err());

        CliRun spikes = CliRun.withStdin(simulated.out(), "extract-spike", "--fasta", "-", "--output", "-",
                "--no-progress");
        assertEquals(0, spikes.code(), spikes.err());
        Path fromFile = dir.resolve("spikes.fasta");
        assertEquals(0, CliRun.of("extract-spike", "--fasta", file.toString(), "--output", fromFile.toString()).code());
        assertEquals(Files.readString(fromFile), spikes.out(), "the same spikes whether read from a pipe or a file");
        assertEquals(8, spikes.out().lines().filter(l -> l.startsWith(">")).count());
    }

    @Test
    void aLatin1CsvIsRefusedWithTheFixNotWithTheDecodersMessage() throws IOException {
        Path in = dir.resolve("latin1.csv");
        Files.write(in, "class,x\ncaf\u00e9,1\n".getBytes(StandardCharsets.ISO_8859_1));
        CliRun r = CliRun.of("cone-index", "--vectors", in.toString(), "--class-column", "class", "--output", "-");
        assertEquals(BertGeo.EXIT_ERROR, r.code());
        assertEquals("bertgeo: error: " + in + ": not UTF-8 text; save it as UTF-8 (in a spreadsheet: \"CSV UTF-8\") "
                + "or convert it, e.g. iconv -f latin1 -t utf-8", r.err().strip());
        assertEquals("", r.out(), "nothing half-written on stdout");
    }

    @Test
    void aMissingInputFileIsNamedInOneErrorLine() {
        CliRun r = CliRun.withStdin("", "cone-index", "--vectors", dir.resolve("nope.csv").toString(), "--output", "-");
        assertEquals(BertGeo.EXIT_ERROR, r.code());
        assertTrue(r.err().startsWith("bertgeo: error: ") && r.err().contains("nope.csv"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void progressIsOffWithNoProgressAndLinePerTenthOtherwise() {
        StringWriter lines = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(lines), "job", ProgressOptions.Mode.LINES);
        for (int i = 1; i <= 100; i++) {
            bar.items(i, 100, "items");
        }
        // one line per tenth begun: at 1%, 10%, 20%, ..., 100%
        assertEquals(11, lines.toString().lines().count(), lines.toString());
        assertTrue(lines.toString().contains("100% 100/100 items"), lines.toString());

        StringWriter off = new StringWriter();
        ProgressBar silent = new ProgressBar(new PrintWriter(off), "job", ProgressOptions.Mode.OFF);
        silent.items(1, 2, "items");
        silent.done();
        assertEquals("", off.toString());
    }

    @Test
    void explicitOptionsOverrideTheTerminalGuess() {
        ProgressOptions o = new ProgressOptions();
        o.progress = false;
        assertEquals(ProgressOptions.Mode.OFF, o.mode());
        o.progress = true;
        assertEquals(ProgressOptions.Mode.REDRAW, o.mode());
        o.progress = null;
        // under the test runner stdin/stdout are not a terminal, on every JDK
        assertEquals(ProgressOptions.Mode.LINES, o.mode());
    }
}
