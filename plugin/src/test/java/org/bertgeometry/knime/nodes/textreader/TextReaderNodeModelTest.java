package org.bertgeometry.knime.nodes.textreader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.bertgeometry.knime.testing.ShimExecution;
import org.bertgeometry.knime.testing.ShimNodeRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.StringValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;

/** The Text Reader node as a KNIME user meets it, on small files written by each test. */
class TextReaderNodeModelTest {

    @TempDir
    Path tmp;

    private Path write(final String name, final byte[] bytes) throws Exception {
        Path file = tmp.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private Path write(final String name, final String text) throws Exception {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static TextReaderNodeModel lines(final Path file) {
        TextReaderNodeModel m = new TextReaderNodeFactory().createNodeModel();
        m.settings().setFile(file.toString());
        return m;
    }

    private static TextReaderNodeModel tabSeparated(final Path file, final String text, final String label) {
        TextReaderNodeModel m = lines(file);
        m.settings().setTabSeparated(text, label);
        return m;
    }

    private ExecutionContext context() {
        return ShimExecution.createContext(tmp.resolve("fs"));
    }

    /** Rows as lists of cell strings (null: missing); checks the spec, row IDs Row0, Row1, ... on the way. */
    private List<List<String>> run(final TextReaderNodeModel m) throws Exception {
        DataTableSpec spec = (DataTableSpec)ShimNodeRunner.configure(m)[0];
        BufferedDataTable out = (BufferedDataTable)ShimNodeRunner.execute(m, context())[0];
        assertEquals(spec, out.getDataTableSpec(), "execute delivers what configure announced");
        List<List<String>> rows = new ArrayList<>();
        for (DataRow row : out) {
            assertEquals("Row" + rows.size(), row.getKey().getString(), "row IDs as KNIME's readers write them");
            List<String> cells = new ArrayList<>();
            for (DataCell c : row) {
                cells.add(c.isMissing() ? null : ((StringValue)c).getStringValue());
            }
            rows.add(cells);
        }
        return rows;
    }

    private String failure(final TextReaderNodeModel m) {
        return assertThrows(Exception.class, () -> ShimNodeRunner.execute(m, context())).getMessage();
    }

    @Test
    void everyLineIsOneTextAsWrittenInFileOrderInOneTextColumn() throws Exception {
        TextReaderNodeModel m = lines(write("s.txt", "the film was great\n  dull, \"long\"\tand slow \nnaïve café 東京\n"));
        assertEquals(List.of("text"), Arrays.asList(((DataTableSpec)ShimNodeRunner.configure(m)[0]).getColumnNames()));
        assertEquals(List.of(List.of("the film was great"), List.of("  dull, \"long\"\tand slow "),
            List.of("naïve café 東京")), run(m));
        assertTrue(ShimNodeRunner.warning(m).isEmpty(), "nothing skipped, nothing to warn about");
    }

    @Test
    void aLastLineWithoutLineEndIsRead() throws Exception {
        assertEquals(List.of(List.of("a"), List.of("b")), run(lines(write("s.txt", "a\nb"))));
    }

    @Test
    void tabSeparatedTakesTextAndLabelByHeaderNameInAnyOrderAndIgnoresOtherColumns() throws Exception {
        Path f = write("s.tsv", "id\tlabel\tsentence\n1\tpos\tthe film, was \"great\"\n2\tneg\tdull\n");
        TextReaderNodeModel m = tabSeparated(f, "sentence", "label");
        assertEquals(List.of("text", "label"),
            Arrays.asList(((DataTableSpec)ShimNodeRunner.configure(m)[0]).getColumnNames()));
        assertEquals(List.of(List.of("the film, was \"great\"", "pos"), List.of("dull", "neg")), run(m));
    }

    @Test
    void anEmptyLabelColumnSettingGivesNoLabelColumn() throws Exception {
        Path f = write("s.tsv", "text\tlabel\nabc\tpos\n");
        assertEquals(List.of(List.of("abc")), run(tabSeparated(f, "text", "")));
    }

    @Test
    void aByteOrderMarkIsDroppedFromTheFirstLine() throws Exception {
        byte[] bom = {(byte)0xEF, (byte)0xBB, (byte)0xBF};
        byte[] tsv = "text\tlabel\nhello\tpos\n".getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[bom.length + tsv.length];
        System.arraycopy(bom, 0, both, 0, bom.length);
        System.arraycopy(tsv, 0, both, bom.length, tsv.length);
        assertEquals(List.of(List.of("hello", "pos")), run(tabSeparated(write("bom.tsv", both), "text", "label")),
            "the header's first name is 'text', not BOM + 'text'");
        byte[] plain = "first\n".getBytes(StandardCharsets.UTF_8);
        byte[] bomLines = new byte[bom.length + plain.length];
        System.arraycopy(bom, 0, bomLines, 0, bom.length);
        System.arraycopy(plain, 0, bomLines, bom.length, plain.length);
        assertEquals(List.of(List.of("first")), run(lines(write("bom.txt", bomLines))));
    }

    @Test
    void crlfLineEndsLeaveNoCarriageReturnInAnyCell() throws Exception {
        assertEquals(List.of(List.of("a b", "pos"), List.of("c", "neg")),
            run(tabSeparated(write("crlf.tsv", "text\tlabel\r\na b\tpos\r\nc\tneg\r\n"), "text", "label")));
        assertEquals(List.of(List.of("a b"), List.of("c")), run(lines(write("crlf.txt", "a b\r\nc\r\n"))));
    }

    @Test
    void blankLinesAreSkippedAndCountedInTheWarningWithTheirNumbers() throws Exception {
        TextReaderNodeModel m = lines(write("gaps.txt", "\none\n   \ntwo\n\r\n\nthree\n\n"));
        assertEquals(List.of(List.of("one"), List.of("two"), List.of("three")), run(m));
        String warning = ShimNodeRunner.warning(m).orElse("");
        assertTrue(warning.contains("5 blank line(s) skipped: lines 1, 3, 5, 6, 8."), warning);
    }

    @Test
    void aWarningNamesFiveLinesAndCountsTheRest() {
        assertEquals("7 blank line(s) skipped: lines 1, 2, 3, 4, 5 and 2 more.",
            TextReaderNodeModel.warning(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), List.of(), List.of()));
    }

    @Test
    void emptyFieldsAreMissingValuesNamedInTheWarning() throws Exception {
        TextReaderNodeModel m = tabSeparated(write("holes.tsv", "text\tlabel\na\t\n\tpos\nc\tneg\n"), "text", "label");
        List<List<String>> rows = run(m);
        assertEquals(Arrays.asList("a", null), rows.get(0));
        assertEquals(Arrays.asList(null, "pos"), rows.get(1));
        assertEquals(List.of("c", "neg"), rows.get(2));
        String warning = ShimNodeRunner.warning(m).orElse("");
        assertTrue(warning.contains("1 row(s) with an empty text field (missing value): line 3.")
            && warning.contains("1 row(s) with an empty label field (missing value): line 2."), warning);
    }

    @Test
    void aMissingFileIsRefusedAtConfigureNamingItAndNoFileAtAllSaysWhatToChoose() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> ShimNodeRunner.configure(lines(tmp.resolve("nowhere.txt"))));
        assertTrue(e.getMessage().contains("nowhere.txt") && e.getMessage().contains("does not exist"), e.getMessage());
        TextReaderNodeModel unset = new TextReaderNodeFactory().createNodeModel();
        e = assertThrows(InvalidSettingsException.class, () -> ShimNodeRunner.configure(unset));
        assertTrue(e.getMessage().contains("No text file selected"), e.getMessage());
    }

    @Test
    void aFileUrlIsReadLikeAPath() throws Exception {
        Path f = write("url file.txt", "x\n");
        TextReaderNodeModel m = lines(f);
        m.settings().setFile(f.toUri().toString());
        assertEquals(List.of(List.of("x")), run(m));
    }

    @Test
    void anEmptyOrBlankFileStopsTheNodeSayingItHoldsNoText() throws Exception {
        for (String text : new String[]{"", "\n\n  \r\n"}) {
            TextReaderNodeModel m = lines(write("empty.txt", text));
            String message = failure(m);
            assertTrue(message.contains("empty.txt") && message.contains("holds no text"), message);
        }
        String headerOnly = failure(tabSeparated(write("header.tsv", "text\tlabel\n\n"), "text", "label"));
        assertTrue(headerOnly.contains("header.tsv") && headerOnly.contains("holds no text below its header"),
            headerOnly);
        String nothing = failure(tabSeparated(write("nothing.tsv", "\n"), "text", "label"));
        assertTrue(nothing.contains("nothing.tsv") && nothing.contains("no header row"), nothing);
    }

    @Test
    void bytesThatAreNotUtf8StopTheNodeNamingFileAndLine() throws Exception {
        byte[] latin1 = "ok\nalso ok\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        String message = failure(lines(write("latin1.txt", latin1)));
        assertTrue(message.contains("latin1.txt") && message.contains("line 3 is not UTF-8"), message);
    }

    @Test
    void binaryGarbageStopsTheNodeNamingTheFile() throws Exception {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        String message = failure(lines(write("garbage.bin", garbage)));
        assertTrue(message.contains("garbage.bin") && message.contains("line 1 is not UTF-8"), message);
        byte[] nul = "text\u0000with a NUL\n".getBytes(StandardCharsets.UTF_8);
        message = failure(lines(write("nul.txt", nul)));
        assertTrue(message.contains("nul.txt") && message.contains("line 1 holds a NUL character"), message);
    }

    @Test
    void aHeaderWithoutTheNamedColumnStopsTheNodeListingTheHeader() throws Exception {
        Path f = write("s.tsv", "\nsentence\tclass\nabc\tpos\n");
        String message = failure(tabSeparated(f, "text", "class"));
        assertTrue(message.contains("s.tsv") && message.contains("line 2")
            && message.contains("(sentence, class) has no column 'text'"), message);
        message = failure(tabSeparated(f, "sentence", "label"));
        assertTrue(message.contains("has no column 'label'") && message.contains("label column"), message);
        InvalidSettingsException atConfigure = assertThrows(InvalidSettingsException.class,
            () -> ShimNodeRunner.configure(tabSeparated(f, "text", "class")));
        assertTrue(atConfigure.getMessage().contains("no column 'text'"), "reported before execution: "
            + atConfigure.getMessage());
        message = failure(tabSeparated(write("twice.tsv", "text\ttext\na\tb\n"), "text", ""));
        assertTrue(message.contains("more than one column 'text'"), message);
    }

    @Test
    void aRowWithAnotherNumberOfFieldsStopsTheNodeNamingTheLine() throws Exception {
        Path f = write("ragged.tsv", "text\tlabel\na\tpos\nb\tneg\textra\n");
        String message = failure(tabSeparated(f, "text", "label"));
        assertTrue(message.contains("ragged.tsv") && message.contains("line 3 has 3 tab-separated field(s), the"
            + " header row has 2"), message);
    }

    @Test
    void progressRisesToOneAndCancellingStopsTheNodeWithoutOutput() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append("sentence number ").append(i).append('\n');
        }
        Path f = write("many.txt", text.toString());
        TextReaderNodeModel m = lines(f);
        ExecutionContext exec = context();
        BufferedDataTable out = (BufferedDataTable)ShimNodeRunner.execute(m, exec)[0];
        assertEquals(20_000, out.size());
        List<Double> progress = ShimExecution.progress(exec);
        assertEquals(1.0, progress.get(progress.size() - 1), 1e-12, "all bytes read at the end");
        assertTrue(progress.get(0) < 1.0, "the file (" + Files.size(f) + " bytes) is read in several chunks");
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= progress.get(i - 1), "progress never falls");
        }
        ExecutionContext cancelled = context();
        ShimExecution.cancelAfterProgressReports(cancelled, 3);
        assertThrows(CanceledExecutionException.class, () -> ShimNodeRunner.execute(lines(f), cancelled));
    }

    @Test
    void settingsSurviveSaveAndLoadAndBadOnesAreRefusedWhenApplied() throws Exception {
        Path f = write("s.tsv", "a\tb\nx\ty\n");
        TextReaderNodeModel m = tabSeparated(f, "a", "b");
        TextReaderNodeModel loaded = new TextReaderNodeFactory().createNodeModel();
        ShimNodeRunner.loadSettings(loaded, ShimNodeRunner.saveSettings(m));
        assertEquals(ShimNodeRunner.saveSettings(m).toString(), ShimNodeRunner.saveSettings(loaded).toString());
        assertEquals(List.of(List.of("x", "y")), run(loaded));

        NodeSettings same = ShimNodeRunner.saveSettings(tabSeparated(f, "a", "a"));
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> ShimNodeRunner.loadSettings(lines(f), same));
        assertTrue(e.getMessage().contains("both 'a'"), e.getMessage());
        NodeSettings noText = ShimNodeRunner.saveSettings(tabSeparated(f, " ", "b"));
        e = assertThrows(InvalidSettingsException.class, () -> ShimNodeRunner.loadSettings(lines(f), noText));
        assertTrue(e.getMessage().contains("No text column"), e.getMessage());
        NodeSettings badLayout = ShimNodeRunner.saveSettings(lines(f));
        badLayout.addString(TextReaderSettings.CFG_LAYOUT, "CSV");
        e = assertThrows(InvalidSettingsException.class, () -> ShimNodeRunner.loadSettings(lines(f), badLayout));
        assertTrue(e.getMessage().contains("Unknown layout 'CSV'"), e.getMessage());
    }

    @Test
    void theDialogBuildsFromTheSettingsWithoutADisplay() {
        assertTrue(new TextReaderNodeFactory().createNodeDialogPane() instanceof TextReaderNodeDialog);
    }

    @Test
    void theColumnNamesApplyOnlyToTheTabSeparatedLayout() throws Exception {
        TextReaderSettings s = new TextReaderSettings();
        assertFalse(s.textColumnModel().isEnabled(), "one text per line is the default: no columns to name");
        assertEquals("", s.labelColumn(), "one text per line has no label column");
        s.setTabSeparated("text", "label");
        assertTrue(s.textColumnModel().isEnabled() && s.labelColumnModel().isEnabled());
        assertEquals("label", s.labelColumn());
    }
}
