package org.bertgeometry.knime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The knime.ini thread preference {@code -Dbertgeo.threads}: unset or 0 is automatic, nonsense is an error. */
class DjlContextThreadsTest {

    @AfterEach
    void clear() {
        System.clearProperty(DjlContext.THREADS_PROPERTY);
    }

    @Test
    void unsetMeansAFairShare() {
        System.clearProperty(DjlContext.THREADS_PROPERTY);
        assertEquals(0, DjlContext.requestedThreads());
        System.setProperty(DjlContext.THREADS_PROPERTY, " ");
        assertEquals(0, DjlContext.requestedThreads());
    }

    @Test
    void aNumberIsTaken() {
        System.setProperty(DjlContext.THREADS_PROPERTY, "3");
        assertEquals(3, DjlContext.requestedThreads());
        System.setProperty(DjlContext.THREADS_PROPERTY, "0");
        assertEquals(0, DjlContext.requestedThreads());
    }

    @Test
    void anythingElseNamesTheSetting() {
        for (String bad : new String[] {"-1", "two", "1.5"}) {
            System.setProperty(DjlContext.THREADS_PROPERTY, bad);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, DjlContext::requestedThreads);
            assertTrue(e.getMessage().contains("-Dbertgeo.threads=" + bad), e.getMessage());
            assertTrue(e.getMessage().contains("knime.ini"), e.getMessage());
        }
    }
}
