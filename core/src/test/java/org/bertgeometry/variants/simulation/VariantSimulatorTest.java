package org.bertgeometry.variants.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bertgeometry.variants.VariantClass;
import org.bertgeometry.variants.reference.ChangeKind;
import org.bertgeometry.variants.reference.GhDefinition;
import org.bertgeometry.variants.reference.LineageChange;
import org.bertgeometry.variants.reference.SarsCov2Reference;
import org.bertgeometry.variants.reference.SpikeMutationTable;
import org.bertgeometry.variants.sequence.Nucleotides;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VariantSimulatorTest {

    private static final SarsCov2Reference REF = SarsCov2Reference.load();
    private static final SpikeMutationTable TABLE = SpikeMutationTable.load(REF);
    private static final Pattern SIMPLE_SUBSTITUTION = Pattern.compile("([A-Z])(\\d+)([A-Z])");

    private static VariantSimulator sim(GhDefinition gh, NoiseModel noise) {
        return new VariantSimulator(REF, TABLE, gh, noise);
    }

    @Test
    void sameSeedGivesIdenticalGenomesAndAnotherSeedDoesNot() {
        VariantSimulator s = sim(GhDefinition.PAPER_B1640_LIKE, NoiseModel.defaults());
        List<SimulatedGenome> a = s.simulateDataset(ClassSizes.balanced(4), 99);
        List<SimulatedGenome> b = s.simulateDataset(ClassSizes.balanced(4), 99);
        List<SimulatedGenome> c = s.simulateDataset(ClassSizes.balanced(4), 100);
        assertEquals(a, b);
        assertNotEquals(a.stream().map(SimulatedGenome::genome).toList(), c.stream().map(SimulatedGenome::genome).toList());
        assertEquals("gh_1", a.get(0).id());
        assertEquals(VariantClass.OMICRON, a.get(a.size() - 1).variantClass());
    }

    @ParameterizedTest
    @EnumSource(GhDefinition.class)
    void everyAppliedChangeShowsUpInTheTranslatedSpikeWhichStaysInFrame(GhDefinition gh) {
        for (SimulatedGenome g : sim(gh, NoiseModel.none()).simulateDataset(ClassSizes.balanced(5), 5)) {
            String spike = g.spike();
            int netLength = g.appliedChanges().stream().mapToInt(LineageChange::lengthChange).sum();
            assertEquals(3_822 + netLength, spike.length(), g.id());
            String protein = Nucleotides.translate(spike);
            assertEquals(spike.length() / 3, protein.length());
            assertTrue(protein.startsWith("M"), g.id());
            assertEquals('*', protein.charAt(protein.length() - 1), g.id() + " must end in the stop codon");
            assertFalse(protein.substring(0, protein.length() - 1).contains("*"), g.id() + " has a premature stop");
            for (LineageChange c : g.appliedChanges()) {
                Matcher mt = SIMPLE_SUBSTITUTION.matcher(c.proteinEffect());
                if (c.kind() != ChangeKind.SUBSTITUTION || !mt.matches()) {
                    continue;
                }
                int refAa = Integer.parseInt(mt.group(2));
                // codons downstream of an in-frame indel shift by its length / 3
                int shift = 0;
                for (LineageChange o : g.appliedChanges()) {
                    if (o.lengthChange() != 0 && o.end() < c.start()) {
                        shift += o.lengthChange() / 3;
                    }
                }
                assertEquals(mt.group(3).charAt(0), protein.charAt(refAa - 1 + shift), g.id() + " " + c.proteinEffect());
            }
        }
    }

    @Test
    void lineageHallmarksArePresent() {
        VariantSimulator s = sim(GhDefinition.PAPER_B1640_LIKE, NoiseModel.none());
        SplittableRandom r = new SplittableRandom(1);
        // alpha: N501Y, D614G, H69/V70 and Y144 deleted (3 aa fewer upstream of 501)
        String alpha = Nucleotides.translate(s.simulate(VariantClass.ALPHA, "a", r).spike());
        assertEquals(1_274 - 3, alpha.length());
        assertEquals('Y', alpha.charAt(501 - 1 - 3));
        assertEquals('G', alpha.charAt(614 - 1 - 3));
        // omicron: ins214EPE (+3 aa) after the deletions of 69-70, 143-145 and 211 (-6 aa): net -3
        String omicron = Nucleotides.translate(s.simulate(VariantClass.OMICRON, "o", r).spike());
        assertEquals(1_274 - 3, omicron.length());
        assertTrue(omicron.contains("EPE"), "omicron spike should carry the EPE insertion");
        assertEquals('Y', omicron.charAt(501 - 1 - 3));
        // delta: L452R, T478K, P681R with the E156G/157-158 deletion (-2 aa)
        String delta = Nucleotides.translate(s.simulate(VariantClass.DELTA, "d", r).spike());
        assertEquals('R', delta.charAt(452 - 1 - 2));
        assertEquals('K', delta.charAt(478 - 1 - 2));
        assertEquals('R', delta.charAt(681 - 1 - 2));
    }

    @Test
    void everyClassCarriesD614G() {
        for (GhDefinition gh : GhDefinition.values()) {
            VariantSimulator s = sim(gh, NoiseModel.none());
            SplittableRandom r = new SplittableRandom(8);
            for (VariantClass c : VariantClass.values()) {
                SimulatedGenome g = s.simulate(c, "x", r);
                assertTrue(g.appliedChanges().stream().anyMatch(x -> x.proteinEffect().equals("D614G")), c + " " + gh);
            }
        }
    }

    @Test
    void changesWithFrequencyBelowOneAreAppliedAtThatRate() {
        // gh_b1640 D88Y has frequency 0.174: over 2,000 genomes the share has sd sqrt(.174*.826/2000) = 0.0085;
        // 4 sd = 0.034
        VariantSimulator s = sim(GhDefinition.PAPER_B1640_LIKE, NoiseModel.none());
        List<SimulatedGenome> gh = s.simulateDataset(Map.of(VariantClass.GH, 2_000), 17);
        long withD88Y = gh.stream().filter(g -> g.appliedChanges().stream().anyMatch(c -> c.proteinEffect().equals("D88Y"))).count();
        assertEquals(0.174, withD88Y / 2000.0, 0.034);
        long withP9L = gh.stream().filter(g -> g.appliedChanges().stream().anyMatch(c -> c.proteinEffect().equals("P9L"))).count();
        assertEquals(2_000, withP9L); // frequency 1.0
    }

    @Test
    void doubledNoiseGivesAboutTwiceTheNsAndPrivateChanges() {
        NoiseModel base = NoiseModel.defaults();
        NoiseModel twice = base.scaled(2.0);
        assertEquals(2 * base.nRunsPerGenome(), twice.nRunsPerGenome(), 0);
        assertEquals(2 * base.privateSubstitutionRate(), twice.privateSubstitutionRate(), 0);
        assertEquals(2 * base.deletionMaskProbability(), twice.deletionMaskProbability(), 0);
        double n1 = meanNs(sim(GhDefinition.GISAID_CLADE_GH, base));
        double n2 = meanNs(sim(GhDefinition.GISAID_CLADE_GH, twice));
        // expected N per genome ~ runs x mean run length (160): 160 vs 320; allow for sampling noise and overlap
        assertTrue(n2 > 1.5 * n1 && n2 < 2.5 * n1, n1 + " vs " + n2);
    }

    @Test
    void paperProportionsReproduceThePaperCounts() {
        Map<VariantClass, Integer> sizes = ClassSizes.paperProportions(49_403);
        for (VariantClass c : VariantClass.values()) {
            assertEquals(c.paperCount(), sizes.get(c));
        }
        assertEquals(120, VariantClass.GH.paperCount()); // paper-methods §2.1 table
        assertEquals(1, ClassSizes.paperProportions(100).get(VariantClass.GH)); // never drops a class
    }

    @Test
    void spikeOnlyRecordHoldsTheSpikeAndWholeGenomeRecordTheGenome() {
        SimulatedGenome g = sim(GhDefinition.PAPER_B1640_LIKE, NoiseModel.defaults()).simulate(VariantClass.BETA, "b1",
                new SplittableRandom(4));
        assertEquals(g.spike(), g.toRecord(true).sequence());
        assertEquals(g.genome(), g.toRecord(false).sequence());
        assertEquals("class=beta", g.toRecord(true).description());
    }

    private static double meanNs(VariantSimulator s) {
        List<SimulatedGenome> gs = s.simulateDataset(ClassSizes.balanced(50), 3);
        return gs.stream().mapToLong(g -> g.genome().chars().filter(ch -> ch == 'N').count()).average().orElseThrow();
    }
}
