package org.bertgeometry.geometry;

import static org.bertgeometry.geometry.ReferenceVectors.A;
import static org.bertgeometry.geometry.ReferenceVectors.B;
import static org.bertgeometry.geometry.ReferenceVectors.I4;
import static org.bertgeometry.geometry.ReferenceVectors.R;
import static org.bertgeometry.geometry.ReferenceVectors.U;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Section 10 of the methods reference (items 2, 3, 5, 6, 7, 8): expected values are the reference's
 * own, computed there with numpy/pandas. The reference gives 10 decimals, so 1e-9 is the tolerance.
 */
class ReferenceVectorsTest {

    private static final double TOL = 1e-9;

    @Test
    void coneIndexMatchesReferenceVectors() {
        assertEquals(2.5612120890, ConeIndex.of(A).index(), TOL);
        assertEquals(1.9919186279, ConeIndex.of(B).index(), TOL);
        assertEquals(4.0, ConeIndex.of(U).index(), 1e-15);
        assertEquals(2.0, ConeIndex.of(I4).index(), 1e-15);
        assertEquals(2.4142135624, ConeIndex.of(R).index(), TOL);
    }

    @Test
    void vonNeumannEntropyL2MatchesReferenceVectors() {
        assertEquals(0.8476224536, VonNeumannEntropy.of(A), TOL);
        assertEquals(0.1870902712, VonNeumannEntropy.of(B), TOL);
        assertEquals(0.0, VonNeumannEntropy.of(U), TOL);
        assertEquals(1.3862943611, VonNeumannEntropy.of(I4), TOL);
        assertEquals(0.4901290717, VonNeumannEntropy.of(R), TOL);
    }

    @Test
    void shannonEntropyWithPandasCutMatchesReferenceVectors() {
        assertEquals(1.6769877743, ShannonEntropy.of(A), TOL);
        assertEquals(1.3862943611, ShannonEntropy.of(B), TOL);
        assertEquals(0.0, ShannonEntropy.of(U), TOL);
        assertEquals(0.5623351446, ShannonEntropy.of(I4), TOL);
        assertEquals(0.6869615766, ShannonEntropy.of(R), TOL);
    }

    @Test
    void metastableKUsesFloat32CumulativeSums() {
        MetastableK.Params p = MetastableK.Params.defaults();
        assertEquals(3, MetastableK.of(new float[] {0.7f, 0.2f, 0.1f}, p), "0.7f+0.2f = 0.9f < 0.9");
        assertEquals(2, MetastableK.of(new float[] {0.1f, 0.8f, 0.1f}, p));
        assertEquals(3, MetastableK.of(new float[] {0.3f, 0.3f, 0.4f}, p));
        float[] u512 = new float[512];
        Arrays.fill(u512, 1f / 512);
        assertEquals(461, MetastableK.of(u512, p));
        float[] u427 = new float[512];
        Arrays.fill(u427, 0, 427, 1f / 427);
        assertEquals(385, MetastableK.of(u427, p));
    }

    @Test
    void kmerLabelsFollowTheReadingFrame() {
        assertEquals("[CLS]", KmerLabels.label(0, 12));
        assertEquals("1-4", KmerLabels.label(1, 12));
        assertEquals("211-214", KmerLabels.label(71, 12));
        assertEquals("1273-1276", KmerLabels.label(425, 12));
        assertEquals("1276-1279", KmerLabels.label(426, 12), "[SEP] gets a range too");
        // general k: end = start + k/3 - 1; k = 6 -> start 3n-2, end start+1
        assertEquals("4-5", KmerLabels.label(2, 6));
        assertThrows(IllegalArgumentException.class, () -> KmerLabels.label(-1, 12));
        assertThrows(IllegalArgumentException.class, () -> KmerLabels.label(1, 4), "k must be a multiple of 3");
    }

    @Test
    void domainTokenRangesMatchReferenceInCodeCompatMode() {
        DomainTokens.End c = DomainTokens.End.CODE_COMPAT;
        assertEquals(new DomainTokens.Range(0, 35, 1, 4), DomainTokens.of(1, 13, c));
        assertEquals(new DomainTokens.Range(39, 911, 5, 102), DomainTokens.of(14, 305, c));
        assertEquals(new DomainTokens.Range(954, 1619, 106, 180), DomainTokens.of(319, 541, c));
        assertEquals(new DomainTokens.Range(2055, 3815, 229, 424), DomainTokens.of(686, 1273, c));
        assertEquals(new DomainTokens.Range(3708, 3815, 412, 424), DomainTokens.of(1237, 1273, c));
    }

    @Test
    void correctedDomainEndCoversTheLastCodon() {
        DomainTokens.End c = DomainTokens.End.CORRECTED;
        assertEquals(new DomainTokens.Range(954, 1622, 106, 181), DomainTokens.of(319, 541, c));
        assertEquals(new DomainTokens.Range(2055, 3818, 229, 425), DomainTokens.of(686, 1273, c));
    }
}
