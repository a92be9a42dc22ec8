package org.bertgeometry.variants.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.bertgeometry.variants.VariantClass;
import org.bertgeometry.variants.sequence.Nucleotides;
import org.junit.jupiter.api.Test;

class ReferenceDataTest {

    private static final SarsCov2Reference REF = SarsCov2Reference.load();

    @Test
    void bundledReferenceIsWuhanHu1WithA3822NtSpikeFromAtgToTaa() {
        // paper-methods §2.2: NC_045512.2, 29,903 nt; spike [21563, 25384], 3,822 nt, ATG ... TAA
        assertEquals("NC_045512.2", REF.id());
        assertEquals(29_903, REF.genome().length());
        assertEquals(3_822, REF.spike().length());
        assertTrue(REF.spike().startsWith("ATGTTTGTTTTTCTTGTTTTATTGCCACTAGTC"));
        assertTrue(REF.spike().endsWith("TAA"));
    }

    @Test
    void referenceSpikeTranslatesTo1273AminoAcidsWithD614AndN501() {
        String protein = Nucleotides.translate(REF.spike());
        assertEquals(1_274, protein.length());
        assertEquals('*', protein.charAt(1_273));
        assertFalse(protein.substring(0, 1_273).contains("*"));
        assertTrue(protein.startsWith("MFVFLVLLPLVSSQ")); // UniProt P0DTC2 N-terminus
        assertEquals('D', protein.charAt(614 - 1));
        assertEquals('N', protein.charAt(501 - 1));
    }

    @Test
    void tableCoversAllClassesAndItsChangesDoNotOverlapWithinAClass() {
        SpikeMutationTable table = SpikeMutationTable.load(REF); // load checks every ref allele
        for (GhDefinition gh : GhDefinition.values()) {
            for (VariantClass c : VariantClass.values()) {
                List<LineageChange> rows = new ArrayList<>(table.forClass(c, gh));
                assertFalse(rows.isEmpty(), c + " has no changes");
                rows.sort(Comparator.comparingInt(LineageChange::start));
                for (int i = 1; i < rows.size(); i++) {
                    LineageChange prev = rows.get(i - 1);
                    LineageChange cur = rows.get(i);
                    int prevLast = prev.kind() == ChangeKind.INSERTION ? prev.start() : prev.end();
                    assertTrue(cur.start() > prevLast, c + ": " + prev + " overlaps " + cur);
                }
            }
        }
        // every indel keeps the frame: length changes are multiples of 3
        for (LineageChange c : table.all()) {
            assertEquals(0, c.lengthChange() % 3, c.toString());
        }
    }
}
