package org.bertgeometry.cli.variants;

import org.bertgeometry.cli.CliRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.bertgeometry.variants.fasta.AmbiguityPolicy;
import org.bertgeometry.variants.fasta.FastaReader;
import org.bertgeometry.variants.fasta.FastaWriter;
import org.bertgeometry.variants.fasta.SequenceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bertgeo simulate} and {@code bertgeo extract-spike}, driven through the command line. */
class SimulateExtractCommandsTest {

    @TempDir
    Path dir;

    private static List<SequenceRecord> read(Path f) throws IOException {
        return FastaReader.readAll(f, AmbiguityPolicy.KEEP);
    }

    @Test
    void simulateWritesTheRequestedNumberPerClassWithClassDescriptions() throws IOException {
        Path f = dir.resolve("s.fasta");
        CliRun r = CliRun.of("simulate", "--output", f.toString(), "--per-class", "2", "--seed", "3");
        assertEquals(0, r.code(), r.err());
        List<SequenceRecord> recs = read(f);
        assertEquals(16, recs.size());
        assertEquals("gh_1", recs.get(0).id());
        assertEquals("class=gh", recs.get(0).description());
        assertEquals("class=omicron", recs.get(15).description());
        for (SequenceRecord s : recs) {
            // spikes only by default: the reference spike is 3,822 nt, lineage indels are at most 21 nt
            assertTrue(Math.abs(s.length() - 3822) < 100, s.id() + " has " + s.length() + " nt");
        }
        assertTrue(r.out().contains("wrote 16 simulated spikes"), r.out());
    }

    @Test
    void mixedCaseAndLineWidthChangeOnlyTheLayoutNotTheSequences() throws IOException {
        Path plain = dir.resolve("plain.fasta");
        Path mixed = dir.resolve("mixed.fasta");
        assertEquals(0, CliRun.of("simulate", "--output", plain.toString(), "--per-class", "2", "--seed", "4").code());
        CliRun r = CliRun.of("simulate", "--output", mixed.toString(), "--per-class", "2", "--seed", "4",
                "--mixed-case", "--line-width", "83", "--whole-genome");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(mixed);
        assertTrue(lines.stream().anyMatch(l -> !l.startsWith(">") && !l.equals(l.toUpperCase(java.util.Locale.ROOT))));
        assertTrue(lines.stream().allMatch(l -> l.startsWith(">") || l.length() <= 83));
        assertTrue(lines.stream().anyMatch(l -> l.length() == 83));
        Path wholePlain = dir.resolve("whole.fasta");
        assertEquals(0, CliRun.of("simulate", "--output", wholePlain.toString(), "--per-class", "2", "--seed", "4",
                "--whole-genome").code());
        assertEquals(read(wholePlain), FastaReader.readAll(mixed, AmbiguityPolicy.KEEP));
    }

    @Test
    void paperTotalFollowsThePaperProportionsWithAtLeastOnePerClass() throws IOException {
        Path f = dir.resolve("p.fasta");
        assertEquals(0, CliRun.of("simulate", "--output", f.toString(), "--paper-total", "100").code());
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (SequenceRecord s : read(f)) {
            counts.merge(s.description(), 1, Integer::sum);
        }
        // round(100 * paperCount / 49,403), at least 1: gh 120 -> 0.24 -> 1, lambda 713 -> 1.44 -> 1,
        // mu 2,532 -> 5.13 -> 5, alpha 6,500 -> 13.16 -> 13, beta 9,017 -> 18.25 -> 18,
        // delta 11,254 -> 22.78 -> 23, gamma 7,629 -> 15.44 -> 15, omicron 11,638 -> 23.56 -> 24
        assertEquals(Map.of("class=gh", 1, "class=lambda", 1, "class=mu", 5, "class=alpha", 13, "class=beta", 18,
                "class=delta", 23, "class=gamma", 15, "class=omicron", 24), counts);
    }

    @Test
    void simulateCompressesWhenTheNameEndsInGzAndSameSeedGivesSameSequences() throws IOException {
        Path gz = dir.resolve("a.fasta.gz");
        Path plain = dir.resolve("b.fasta");
        assertEquals(0, CliRun.of("simulate", "--output", gz.toString(), "--per-class", "1", "--seed", "9").code());
        assertEquals(0, CliRun.of("simulate", "--output", plain.toString(), "--per-class", "1", "--seed", "9").code());
        try (InputStream in = Files.newInputStream(gz)) {
            assertEquals(0x1f, in.read());
            assertEquals(0x8b, in.read());
        }
        assertEquals(read(plain), read(gz));
        Path other = dir.resolve("c.fasta");
        assertEquals(0, CliRun.of("simulate", "--output", other.toString(), "--per-class", "1", "--seed", "10").code());
        assertFalse(read(plain).equals(read(other)), "another seed must give other sequences");
    }

    @Test
    void extractSpikeOfSimulatedWholeGenomesGivesExactlyTheSimulatedSpikes() throws IOException {
        Path genomes = dir.resolve("g.fasta.gz");
        Path truth = dir.resolve("truth.fasta");
        Path spikes = dir.resolve("spikes.fasta");
        // default noise (N runs, masked deletions, private substitutions, trimmed ends)
        assertEquals(0, CliRun.of("simulate", "--output", genomes.toString(), "--per-class", "2", "--seed", "31",
                "--whole-genome").code());
        assertEquals(0, CliRun.of("simulate", "--output", truth.toString(), "--per-class", "2", "--seed", "31").code());
        CliRun r = CliRun.of("extract-spike", "--fasta", genomes.toString(), "--output", spikes.toString());
        assertEquals(0, r.code(), r.err());
        for (SequenceRecord g : read(genomes)) {
            assertTrue(g.length() > 29_000, "whole genomes: " + g.id() + " has " + g.length());
        }
        assertEquals(read(truth), read(spikes));
        assertTrue(r.out().contains("extracted 16 spike(s) from 16 genome(s)"), r.out());
    }

    @Test
    void extractSpikeSkipsGenomesWithoutSpikeAndReportsWhy() throws IOException {
        Path in = dir.resolve("mixed.fasta");
        Path out = dir.resolve("out.fasta");
        Path sim = dir.resolve("one.fasta");
        assertEquals(0, CliRun.of("simulate", "--output", sim.toString(), "--per-class", "1", "--whole-genome",
                "--noise-scale", "0").code());
        SequenceRecord good = read(sim).get(0);
        try (FastaWriter w = FastaWriter.create(in)) {
            w.write(good);
            w.write(new SequenceRecord("random", "", randomDna(20_000, 1)));
            // a genome cut 1,000 nt into the spike (which starts at 21,563 on the reference)
            w.write(new SequenceRecord("cut", "", good.sequence().substring(0, 22_500)));
        }
        CliRun r = CliRun.of("extract-spike", "--fasta", in.toString(), "--output", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("skipped 'random' (missing spike)"), r.err());
        assertTrue(r.err().contains("skipped 'cut' (partial genome)"), r.err());
        assertTrue(r.err().contains("skipped 2 genome(s) without a usable spike: 1 missing spike, 1 partial genome"),
                r.err());
        assertTrue(r.out().contains("extracted 1 spike(s) from 3 genome(s)"), r.out());
        assertEquals(List.of(good.id()), read(out).stream().map(SequenceRecord::id).toList());
    }

    @Test
    void extractSpikeFailsWhenNoGenomeHasASpike() throws IOException {
        Path in = dir.resolve("nospike.fasta");
        Path out = dir.resolve("none.fasta");
        try (FastaWriter w = FastaWriter.create(in)) {
            w.write(new SequenceRecord("random", "", randomDna(20_000, 2)));
        }
        CliRun r = CliRun.of("extract-spike", "--fasta", in.toString(), "--output", out.toString());
        assertTrue(r.failedCleanly(), r.err());
        assertTrue(r.err().contains("no spike could be extracted from any of the 1 record(s) (1 missing spike)"),
                r.err());
        assertFalse(Files.exists(out), "no empty output is left behind");
    }

    @Test
    void emptyFastaIsAClearError() throws IOException {
        Path in = Files.writeString(dir.resolve("empty.fasta"), "");
        CliRun r = CliRun.of("extract-spike", "--fasta", in.toString(), "--output", dir.resolve("o.fa").toString());
        assertTrue(r.failedCleanly(), r.err());
        assertTrue(r.err().contains("contains no FASTA records"), r.err());
    }

    @Test
    void binaryGarbageIsAClearError() throws IOException {
        byte[] junk = new byte[256];
        new SplittableRandom(4).nextBytes(junk);
        junk[0] = 0x03; // not '>' and not the gzip magic
        Path in = Files.write(dir.resolve("junk.bin"), junk);
        CliRun r = CliRun.of("extract-spike", "--fasta", in.toString(), "--output", dir.resolve("o.fa").toString());
        assertTrue(r.failedCleanly(), r.err());
        assertTrue(r.err().contains("not a nucleotide FASTA file"), r.err());
    }

    @Test
    void simulateRefusesContradictoryOrInvalidOptions() {
        String out = dir.resolve("x.fa").toString();
        CliRun both = CliRun.of("simulate", "--output", out, "--per-class", "2", "--paper-total", "10");
        assertTrue(both.failedCleanly() && both.err().contains("not both"), both.err());
        CliRun gh = CliRun.of("simulate", "--output", out, "--gh", "foo");
        assertTrue(gh.failedCleanly() && gh.err().contains("'paper' or 'clade'"), gh.err());
        CliRun noise = CliRun.of("simulate", "--output", out, "--noise-scale", "-1");
        assertTrue(noise.failedCleanly() && noise.err().contains("--noise-scale"), noise.err());
    }

    static String randomDna(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append("ACGT".charAt(rng.nextInt(4)));
        }
        return s.toString();
    }
}
