package org.bertgeometry.report.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conventions every CSV of the project follows (docs/report-formats.md), one per test: a
 * spreadsheet's byte-order mark and CRLF are read, records are written with CRLF, BERT's {@code ,}
 * and {@code "} tokens are quoted as RFC 4180 says, and numbers do not follow the default locale.
 */
class CsvConventionsTest {

    @Test
    void aFileSavedAsCsvUtf8ByASpreadsheetIsReadBomAndCrlfIncluded(@TempDir Path dir) throws IOException {
        // what "CSV UTF-8" in a spreadsheet writes: the bytes EF BB BF, then CRLF-ended records
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "class,x,y\r\nalpha,1,2\r\nbeta,-0.5,3e1\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(text, 0, all, bom.length, text.length);
        Path f = dir.resolve("saved.csv");
        Files.write(f, all);
        NumericTable t = CsvReader.readNumeric(f, CsvReader.Options.defaults().withClassColumn("class"));
        assertEquals(List.of("x", "y"), t.columns(), "the BOM is not part of the first column's name");
        assertEquals(List.of("alpha", "beta"), t.classes(), "no CR is left on the last cell of a record");
        assertArrayEquals(new double[] {-0.5, 30}, t.values()[1]);
    }

    @Test
    void lfCrlfAndALoneCrEachEndOneRecord() throws IOException {
        List<CsvReader.CsvRecord> r = CsvReader.readRecords(new java.io.StringReader("x,y\r1,2\r\n3,4\n5,6"), "mem", ',');
        assertEquals(List.of(List.of("x", "y"), List.of("1", "2"), List.of("3", "4"), List.of("5", "6")),
                r.stream().map(CsvReader.CsvRecord::fields).toList());
        assertEquals(List.of(1, 2, 3, 4), r.stream().map(CsvReader.CsvRecord::line).toList());
    }

    @Test
    void streamedRecordsEndInCrlfAndQuoteBertsPunctuationTokens() throws IOException {
        StringWriter s = new StringWriter();
        try (CsvWriter w = CsvWriter.onto(s)) {
            w.record("mask", "rank", "token", "probability");
            w.record(1, 1, ",", 0.5);
            w.record(1, 2, "\"", 0.25);
            w.record(1, 3, "##s", 0.125);
        }
        // written by hand from RFC 4180 section 2: a field with a comma or a quote is quoted, quotes doubled
        assertEquals("mask,rank,token,probability\r\n"
                + "1,1,\",\",0.5\r\n"
                + "1,2,\"\"\"\",0.25\r\n"
                + "1,3,##s,0.125\r\n", s.toString());
    }

    @Test
    void numbersAreWrittenWithADecimalPointEvenInAGermanDefaultLocale() throws IOException {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            // the trap this guards against: formatting with the default locale writes a decimal comma
            assertEquals("0,123456", String.format("%.6f", 0.123456));
            StringWriter s = new StringWriter();
            try (CsvWriter w = CsvWriter.onto(s)) {
                w.record(0.123456, 1234567.5f, 12345678L);
            }
            assertEquals("0.123456,1234567.5,12345678\r\n", s.toString());
        } finally {
            Locale.setDefault(before);
        }
    }
}
