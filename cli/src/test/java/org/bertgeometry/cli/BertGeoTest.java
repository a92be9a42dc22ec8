package org.bertgeometry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class BertGeoTest {

    @Test
    void unknownOptionIsAUsageErrorWithOneHintLine() {
        StringWriter err = new StringWriter();
        int code = BertGeo.run(new String[] {"--no-such-option"}, new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertEquals(BertGeo.EXIT_USAGE, code);
        assertTrue(err.toString().contains("--no-such-option"), err.toString());
    }

    @Test
    void helpListsTheProgramAndExitsZero() {
        StringWriter out = new StringWriter();
        int code = BertGeo.run(new String[] {"--help"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertEquals(0, code);
        assertTrue(out.toString().contains("bertgeo"), out.toString());
    }

    @Test
    void errorWithoutMessageStillNamesTheProblem() {
        assertEquals("IllegalStateException: boom",
                BertGeo.describe(new IllegalStateException(null, new RuntimeException("boom"))));
    }
}
