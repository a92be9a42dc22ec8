package org.bertgeometry.knime.nodes.fasta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.bertgeometry.variants.reference.SarsCov2Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.StringValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.bertgeometry.knime.testing.ShimExecution;
import org.bertgeometry.knime.testing.ShimNodeRunner;

/** The FASTA Reader node as a KNIME user meets it, on small files written by each test. */
class FastaReaderNodeModelTest {

    @TempDir
    Path tmp;

    private Path write(final String name, final String text) throws Exception {
        Path file = tmp.resolve(name);
        Files.writeString(file, text, StandardCharsets.ISO_8859_1);
        return file;
    }

    private FastaReaderNodeModel node(final Path file) {
        FastaReaderNodeModel m = new FastaReaderNodeFactory().createNodeModel();
        m.settings().setFile(file.toString());
        return m;
    }

    private List<List<String>> run(final FastaReaderNodeModel m) throws Exception {
        DataTableSpec spec = (DataTableSpec)ShimNodeRunner.configure(m)[0];
        BufferedDataTable out = (BufferedDataTable)ShimNodeRunner.execute(m, ShimExecution.createContext(tmp.resolve("fs")))[0];
        assertEquals(spec, out.getDataTableSpec(), "execute delivers what configure announced");
        List<List<String>> rows = new ArrayList<>();
        for (DataRow row : out) {
            List<String> cells = new ArrayList<>();
            for (DataCell c : row) {
                cells.add(c.isMissing() ? null : ((StringValue)c).getStringValue());
            }
            assertEquals(cells.get(0), row.getKey().getString(), "the row ID is the record id");
            rows.add(cells);
        }
        return rows;
    }

    @Test
    void multiLineRecordsAreJoinedAndHeadersSplitIntoIdDescriptionAndLabel() throws Exception {
        Path f = write("multi.fasta", ">s1 class=Alpha country=UK\nACGT\nACGG\nA\n>s2 class=Beta\nTTTT\nCC\n");
        assertEquals(List.of(List.of("s1", "class=Alpha country=UK", "ACGTACGGA", "Alpha"),
            List.of("s2", "class=Beta", "TTTTCC", "Beta")), run(node(f)));
    }

    @Test
    void gzippedFileIsReadAsThePlainOneWhateverItsName() throws Exception {
        String text = ">s1 class=Alpha\nACGT\nAC\n>s2 class=Beta\nGG\n";
        Path gz = tmp.resolve("seqs.fasta");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
        }
        assertEquals(run(node(write("plain.fa", text))), run(node(gz)));
        assertEquals("ACGTAC", run(node(gz)).get(0).get(2));
    }

    @Test
    void crlfLineEndsLeaveNoCarriageReturnInAnyCell() throws Exception {
        Path f = write("crlf.fasta", ">s1 class=Alpha\r\nACGT\r\nGG\r\n>s2 class=Beta\r\nTT\r\n");
        assertEquals(List.of(List.of("s1", "class=Alpha", "ACGTGG", "Alpha"), List.of("s2", "class=Beta", "TT", "Beta")),
            run(node(f)));
    }

    @Test
    void lowerCaseBasesAreUpperCasedAndAmbiguityCodesBecomeNUnlessKept() throws Exception {
        Path f = write("lower.fasta", ">s1\nacgtn\nryacgt\n");
        assertEquals("ACGTNNNACGT", run(node(f)).get(0).get(2));
        FastaReaderNodeModel keep = node(f);
        keep.settings().setKeepAmbiguity(true);
        assertEquals("ACGTNRYACGT", run(keep).get(0).get(2));
    }

    @Test
    void emptyFileStopsTheNodeSayingSo() throws Exception {
        FastaReaderNodeModel m = node(write("empty.fasta", ""));
        ShimNodeRunner.configure(m);
        Exception e = assertThrows(Exception.class,
            () -> ShimNodeRunner.execute(m, ShimExecution.createContext(tmp.resolve("fs"))));
        assertTrue(e.getMessage().contains("no FASTA records"), e.getMessage());
    }

    @Test
    void binaryGarbageStopsTheNodeNamingTheFileAsBinary() throws Exception {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        garbage[0] = 0x00;
        Path f = tmp.resolve("garbage.bin");
        Files.write(f, garbage);
        FastaReaderNodeModel m = node(f);
        Exception e = assertThrows(Exception.class,
            () -> ShimNodeRunner.execute(m, ShimExecution.createContext(tmp.resolve("fs"))));
        assertTrue(e.getMessage().contains("garbage.bin") && e.getMessage().contains("binary"), e.getMessage());
    }

    @Test
    void aRecordWithoutSequenceStopsTheNodeNamingTheRecord() throws Exception {
        FastaReaderNodeModel m = node(write("hole.fasta", ">s1\nACGT\n>s2 class=Beta\n>s3\nGG\n"));
        Exception e = assertThrows(Exception.class,
            () -> ShimNodeRunner.execute(m, ShimExecution.createContext(tmp.resolve("fs"))));
        assertTrue(e.getMessage().contains("'s2'") && e.getMessage().contains("no nucleotides"), e.getMessage());
    }

    @Test
    void labelByKeyIgnoresCaseAcceptsPipesAndLeavesUnlabelledRecordsMissingWithAWarning() throws Exception {
        Path f = write("keys.fasta", ">a CLASS=Delta;lineage=B.1.617.2\nAC\n>b x|class=Omicron|y\nGG\n>c lineage=P.1\nTT\n");
        FastaReaderNodeModel m = node(f);
        List<List<String>> rows = run(m);
        assertEquals("Delta", rows.get(0).get(3));
        assertEquals("Omicron", rows.get(1).get(3));
        assertEquals(null, rows.get(2).get(3));
        String warning = ShimNodeRunner.warning(m).orElse("");
        assertTrue(warning.contains("1 record(s) have no label") && warning.contains("c"), warning);
        FastaReaderNodeModel lineage = node(f);
        lineage.settings().setLabels(LabelSource.KEY, "lineage");
        assertEquals("B.1.617.2", run(lineage).get(0).get(3));
    }

    @Test
    void labelByRegexTakesTheFirstGroupOfTheWholeHeader() throws Exception {
        Path f = write("gisaid.fasta", ">hCoV-19/England/MILK-9E05B3/2020|EPI_ISL_601443|2020-09-20|Alpha\nACGT\n"
            + ">hCoV-19/India/GJ-1/2021|EPI_ISL_2|2021-04-02|Delta\nGGCC\n");
        FastaReaderNodeModel m = node(f);
        m.settings().setLabels(LabelSource.REGEX, "\\|([A-Za-z]+)$");
        List<List<String>> rows = run(m);
        assertEquals(List.of("Alpha", "Delta"), List.of(rows.get(0).get(3), rows.get(1).get(3)));
    }

    @Test
    void noLabelSourceGivesThreeColumnsAndABadRegexIsRefusedWhenSettingsAreApplied() throws Exception {
        Path f = write("s.fasta", ">a class=X\nAC\n");
        FastaReaderNodeModel none = node(f);
        none.settings().setLabels(LabelSource.NONE, "");
        assertEquals(List.of(List.of("a", "class=X", "AC")), run(none));
        FastaReaderNodeModel bad = node(f);
        bad.settings().setLabels(LabelSource.REGEX, "([A-Z");
        NodeSettings saved = ShimNodeRunner.saveSettings(bad);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> ShimNodeRunner.loadSettings(node(f), saved));
        assertTrue(e.getMessage().contains("not a valid regular expression"), e.getMessage());
    }

    @Test
    void settingsSurviveSaveAndLoad() throws Exception {
        Path f = write("s.fasta", ">a\nAC\n");
        FastaReaderNodeModel m = node(f);
        m.settings().setLabels(LabelSource.REGEX, "^(\\w+)");
        m.settings().setExtractSpike(true);
        m.settings().setKeepAmbiguity(true);
        FastaReaderNodeModel loaded = new FastaReaderNodeFactory().createNodeModel();
        ShimNodeRunner.loadSettings(loaded, ShimNodeRunner.saveSettings(m));
        assertEquals(ShimNodeRunner.saveSettings(m).toString(), ShimNodeRunner.saveSettings(loaded).toString());
        assertTrue(loaded.settings().extractSpike());
    }

    @Test
    void aMissingFileIsRefusedAtConfigureNamingIt() {
        FastaReaderNodeModel m = node(tmp.resolve("nowhere.fasta"));
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> ShimNodeRunner.configure(m));
        assertTrue(e.getMessage().contains("nowhere.fasta"), e.getMessage());
    }

    @Test
    void spikeExtractionKeepsCompleteGenomesWithNRunsAndSkipsPartialOrSpikelessOnesNamingThem() throws Exception {
        SarsCov2Reference ref = SarsCov2Reference.load();
        String genome = ref.genome();
        String spike = ref.spike();
        int start = genome.indexOf(spike);
        assertTrue(start > 20_000, "the reference spike lies near 21,563 on the genome");
        String nRunOutside = genome.substring(0, 5_000) + "N".repeat(300) + genome.substring(5_300);
        String nRunInside = genome.substring(0, start + 1_000) + "N".repeat(40) + genome.substring(start + 1_040);
        String partial = genome.substring(0, start + 1_500);
        String spikeless = genome.substring(0, 15_000);
        Path f = write("genomes.fasta", ">whole class=Ref\n" + genome + "\n>nOutside class=Ref\n" + nRunOutside
            + "\n>nInside class=Ref\n" + nRunInside + "\n>partial class=Ref\n" + partial + "\n>orf1only class=Ref\n"
            + spikeless + "\n");
        FastaReaderNodeModel m = node(f);
        m.settings().setExtractSpike(true);
        List<List<String>> rows = run(m);
        assertEquals(List.of("whole", "nOutside", "nInside"), rows.stream().map(r -> r.get(0)).toList());
        assertEquals(spike, rows.get(0).get(2));
        assertEquals(spike, rows.get(1).get(2), "an N run outside the spike does not touch it");
        String expectedInside = spike.substring(0, 1_000) + "N".repeat(40) + spike.substring(1_040);
        assertEquals(expectedInside, rows.get(2).get(2), "an N run inside the spike is kept verbatim");
        String warning = ShimNodeRunner.warning(m).orElse("");
        assertTrue(warning.contains("2 of 5 genomes skipped") && warning.contains("partial")
            && warning.contains("orf1only"), warning);
        assertFalse(warning.contains("whole"), warning);
    }
}
