package org.bertgeometry.report.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonFilesTest {

    record Summary(String model, double accuracy, double loss, int[] layers, String note) {
    }

    @Test
    void recordsAreWrittenInFieldOrderWithNonFiniteNumbersAsNullAndNullsKept() {
        String json = JsonFiles.toJson(new Summary("tiny <bert>", 0.75, Double.NaN, new int[] {1, 2}, null));
        String expected = "{\n"
                + "  \"model\": \"tiny <bert>\",\n"
                + "  \"accuracy\": 0.75,\n"
                + "  \"loss\": null,\n"
                + "  \"layers\": [\n    1,\n    2\n  ],\n"
                + "  \"note\": null\n"
                + "}\n";
        assertEquals(expected, json);
    }

    @Test
    void mapsKeepInsertionOrderAndInfinityBecomesNull() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("z", 1);
        m.put("a", Double.POSITIVE_INFINITY);
        assertEquals("{\n  \"z\": 1,\n  \"a\": null\n}\n", JsonFiles.toJson(m));
    }
}
