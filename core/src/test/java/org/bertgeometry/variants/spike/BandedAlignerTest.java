package org.bertgeometry.variants.spike;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class BandedAlignerTest {

    private static final String REF = "ATGTTTGTTTTTCTTGTTTTATTGCCACTAGTC"; // first 33 nt of the spike

    @Test
    void exactCopyIsPlacedBetweenFreeFlanks() {
        BandedAligner.Placement p = BandedAligner.align(REF, "GGGCCC" + REF + "AAAA", -10, 20);
        assertEquals(6, p.start());
        assertEquals(6 + 33, p.end());
        assertEquals(33, p.score()); // 33 matches x +1
    }

    @Test
    void deletionInsideIsSpannedSoTheBoundariesStay() {
        // delete 6 nt (positions 12..17) from the copy: score 27 matches - (6 + 6) = 15, far above any
        // ungapped placement, and the ends stay at the copy's ends
        String copy = REF.substring(0, 12) + REF.substring(18);
        BandedAligner.Placement p = BandedAligner.align(REF, "CCCCC" + copy + "CCCCC", -10, 20);
        assertEquals(5, p.start());
        assertEquals(5 + 27, p.end());
        assertEquals(27 - 12, p.score());
    }

    @Test
    void insertionInsideIsKeptInThePlacement() {
        String copy = REF.substring(0, 15) + "GAGCCAGAA" + REF.substring(15);
        BandedAligner.Placement p = BandedAligner.align(REF, "CC" + copy + "CC", -10, 20);
        assertEquals(2, p.start());
        assertEquals(2 + 42, p.end());
        assertEquals(33 - (6 + 9), p.score()); // 33 matches, one 9-nt gap costs 6 + 9
    }

    @Test
    void mismatchAtTheFirstBaseDoesNotMoveTheStart() {
        // a mismatch (-4) is cheaper than any gap (>= 7), so the start stays on the mutated base
        String copy = "C" + REF.substring(1);
        BandedAligner.Placement p = BandedAligner.align(REF, "GGGG" + copy + "GGGG", -10, 20);
        assertEquals(4, p.start());
        assertEquals(37, p.end());
        assertEquals(32 - 4, p.score());
    }

    @Test
    void nothingFitsWhenTheBandMissesTheWindow() {
        assertNull(BandedAligner.align(REF, "ACGT", 10, 20));
    }
}
