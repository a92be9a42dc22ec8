package org.bertgeometry.cli.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassLabelsTest {

    @Test
    void classWordIsFoundAnywhereInTheDescriptionAndPaperNamesAreLowerCased() {
        assertEquals("omicron", ClassLabels.fromDescription("class=Omicron"));
        assertEquals("delta", ClassLabels.fromDescription("hCoV-19/x/2021 CLASS=DELTA date=2021-05-01"));
        assertEquals("MyClade", ClassLabels.fromDescription("class=MyClade"));
        assertNull(ClassLabels.fromDescription("lineage B.1.1.7"));
        assertNull(ClassLabels.fromDescription(""));
        assertNull(ClassLabels.fromDescription("class="));
    }

    @Test
    void paperClassesKeepThePaperOrderOtherwiseNamesAreSorted() {
        assertEquals(List.of("gh", "alpha", "omicron"), ClassLabels.classOrder(List.of("omicron", "alpha", "gh",
                "alpha")));
        assertEquals(List.of("alpha", "x", "y"), ClassLabels.classOrder(List.of("y", "alpha", "x")));
    }
}
