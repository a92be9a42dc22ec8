package org.bertgeometry.report.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CsvReaderErrorsTest {

    private static CsvFormatException fail(String csv, CsvReader.Options options) {
        return assertThrows(CsvFormatException.class,
                () -> CsvReader.readNumeric(new StringReader(csv), "data.csv", options));
    }

    private static CsvFormatException fail(String csv) {
        return fail(csv, CsvReader.Options.defaults());
    }

    @Test
    void emptyFileIsRejectedNamingTheSource() {
        CsvFormatException e = fail("");
        assertTrue(e.getMessage().startsWith("data.csv: the file is empty"), e.getMessage());
        assertEquals(0, e.line());
    }

    @Test
    void headerWithoutRowsIsRejected() {
        assertTrue(fail("a,b\n").getMessage().contains("no data rows"));
    }

    @Test
    void missingValueNamesLineAndColumn() {
        CsvFormatException e = fail("a,b\n1,2\n3,\n");
        assertEquals("data.csv, line 3, column 'b' (2): missing value (write NaN if the value is undefined)",
                e.getMessage());
        assertEquals(3, e.line());
    }

    @Test
    void nonNumericCellNamesLineColumnAndTextAndSuggestsClassColumn() {
        CsvFormatException e = fail("x,label\n1,Alpha\n");
        assertTrue(e.getMessage().startsWith("data.csv, line 2, column 'label' (2): 'Alpha' is not a number"),
                e.getMessage());
        assertTrue(e.getMessage().contains("class column"));
    }

    @Test
    void javaOnlyNumberSpellingsAreNotNumbers() {
        assertTrue(fail("x\n1d\n").getMessage().contains("'1d' is not a number"));
        assertTrue(fail("x\n0x10\n").getMessage().contains("'0x10' is not a number"));
    }

    @Test
    void raggedRowsAreRejectedBothTooShortAndTooLong() {
        assertEquals("data.csv, line 3: row has 1 cells but the header has 2 columns",
                fail("a,b\n1,2\n3\n").getMessage());
        assertEquals("data.csv, line 2: row has 3 cells but the header has 2 columns",
                fail("a,b\n1,2,3\n").getMessage());
    }

    @Test
    void blankLineInsideTheDataIsReportedNotSkipped() {
        assertEquals("data.csv, line 3: row has 1 cells but the header has 2 columns",
                fail("a,b\n1,2\n\n3,4\n").getMessage());
    }

    @Test
    void lineNumbersCountLineBreaksInsideQuotedFields() {
        // record 2 spans lines 2-3, so the bad record starts on line 4
        CsvFormatException e = fail("id,x\n\"multi\nline\",1\nok,oops\n", CsvReader.Options.defaults().withClassColumn("id"));
        assertEquals(4, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("column 'x' (2)"));
    }

    @Test
    void unknownClassColumnListsTheAvailableColumns() {
        CsvFormatException e = fail("a,b\n1,2\n", CsvReader.Options.defaults().withClassColumn("lineage"));
        assertTrue(e.getMessage().contains("class column 'lineage' is not in the header; columns are [a, b]"),
                e.getMessage());
    }

    @Test
    void duplicateAndEmptyHeaderNamesAreRejected() {
        assertTrue(fail("a,a\n1,2\n").getMessage().contains("names column 'a' twice (columns 1 and 2)"));
        assertTrue(fail("a,\n1,2\n").getMessage().contains("header column 2 has no name"));
    }

    @Test
    void missingClassValueIsRejected() {
        CsvFormatException e = fail("c,x\n,1\n", CsvReader.Options.defaults().withClassColumn("c"));
        assertTrue(e.getMessage().contains("column 'c' (1): missing class value"));
    }

    @Test
    void unclosedQuoteNamesTheLineWhereItOpened() {
        CsvFormatException e = fail("a\n1\n\"2\n3\n");
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("never closed"));
    }

    @Test
    void strayQuoteInsideUnquotedFieldIsRejected() {
        assertTrue(fail("a\n1\"2\n").getMessage().contains("double quote inside an unquoted field"));
    }
}
