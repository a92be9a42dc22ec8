package org.bertgeometry.report.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRoundTripTest {

    @Test
    void quotesOnlyFieldsThatNeedItAsRfc4180Says() {
        Table t = Table.withColumns("name", "note").addRow("plain", "a,b").addRow("say \"hi\"", "two\nlines")
                .addRow(" padded", null);
        // Expected text written by hand from RFC 4180 section 2 rules 5-7.
        String expected = "name,note\r\n"
                + "plain,\"a,b\"\r\n"
                + "\"say \"\"hi\"\"\",\"two\nlines\"\r\n"
                + "\" padded\",\r\n";
        assertEquals(expected, CsvWriter.toCsv(t));
    }

    @Test
    void textCellsSurviveWriteThenReadIncludingQuotesSeparatorsAndLineBreaks() throws IOException {
        Table t = Table.withColumns("a,b", "c\"d").addRow("x,y", "he said \"no\"").addRow("multi\r\nline", "");
        List<CsvReader.CsvRecord> recs = CsvReader.readRecords(new StringReader(CsvWriter.toCsv(t)), "mem", ',');
        assertEquals(List.of("a,b", "c\"d"), recs.get(0).fields());
        assertEquals(List.of("x,y", "he said \"no\""), recs.get(1).fields());
        assertEquals(List.of("multi\r\nline", ""), recs.get(2).fields());
        assertEquals(3, recs.get(2).line(), "record 3 starts on physical line 3");
        assertEquals(3, recs.size());
    }

    @Test
    void doublesRoundTripBitForBitIncludingNonFiniteValues(@TempDir Path dir) throws IOException {
        double[] xs = {0.1, 1.0 / 3.0, -2.5e-300, Double.MIN_VALUE, Double.MAX_VALUE, -0.0, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 123456789.123456789};
        Table t = Table.withColumns("x", "label");
        for (double x : xs) {
            t.addRow(x, "c" + (x > 0 ? "pos" : "other"));
        }
        Path f = dir.resolve("sub/t.csv");
        CsvWriter.write(t, f);
        NumericTable n = CsvReader.readNumeric(f, CsvReader.Options.defaults().withClassColumn("label"));
        assertEquals(List.of("x"), n.columns());
        double[] back = n.column("x");
        for (int i = 0; i < xs.length; i++) {
            assertEquals(Double.doubleToLongBits(xs[i]), Double.doubleToLongBits(back[i]), "value " + xs[i]);
        }
        assertEquals("cpos", n.classes().get(0));
    }

    @Test
    void floatsAreWrittenAsTheirShortestFloatDecimal() {
        // 0.1f is 0.100000001490116...; Float.toString gives "0.1", which parses back to 0.1f exactly.
        assertEquals("0.1", CsvWriter.format(0.1f));
        assertEquals(0.1f, Float.parseFloat(CsvWriter.format(0.1f)));
        assertEquals("", CsvWriter.format(null));
        assertEquals("42", CsvWriter.format(42L));
    }

    @Test
    void readerAcceptsBomLfAndTrailingBlankLinesAndKeepsClassColumnAnywhere() throws IOException {
        String csv = "\uFEFFlineage,pc1,pc2\nAlpha,1.5,-2\nDelta,3e2,.5\n\n\n";
        NumericTable n = CsvReader.readNumeric(new StringReader(csv), "mem",
                CsvReader.Options.defaults().withClassColumn("lineage"));
        assertEquals(List.of("pc1", "pc2"), n.columns());
        assertArrayEquals(new double[] {1.5, -2}, n.values()[0]);
        assertArrayEquals(new double[] {300, 0.5}, n.values()[1]);
        assertEquals(List.of("Alpha", "Delta"), n.classes());
    }

    @Test
    void writerCreatesParentFolders(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("a/b/c.csv");
        CsvWriter.write(Table.withColumns("x").addRow(1), f);
        assertTrue(Files.isRegularFile(f));
        assertEquals("x\r\n1\r\n", Files.readString(f));
    }
}
