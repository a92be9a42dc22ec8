package org.bertgeometry.variants.spike;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.bertgeometry.variants.VariantClass;
import org.bertgeometry.variants.fasta.SequenceRecord;
import org.bertgeometry.variants.reference.GhDefinition;
import org.bertgeometry.variants.reference.SarsCov2Reference;
import org.bertgeometry.variants.reference.SpikeMutationTable;
import org.bertgeometry.variants.sequence.Nucleotides;
import org.bertgeometry.variants.simulation.ClassSizes;
import org.bertgeometry.variants.simulation.NoiseModel;
import org.bertgeometry.variants.simulation.SimulatedGenome;
import org.bertgeometry.variants.simulation.VariantSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SpikeExtractorTest {

    private static final SarsCov2Reference REF = SarsCov2Reference.load();
    private static final SpikeMutationTable TABLE = SpikeMutationTable.load(REF);
    private static final SpikeExtractor EXTRACTOR = new SpikeExtractor(REF, ExtractionOptions.defaults());

    private static VariantSimulator simulator(GhDefinition gh, NoiseModel noise) {
        return new VariantSimulator(REF, TABLE, gh, noise);
    }

    @Test
    void referenceGenomeYieldsTheReferenceSpikeAtItsAnnotatedCoordinates() {
        SpikeExtraction e = EXTRACTOR.extract("ref", REF.genome());
        assertTrue(e.isOk(), e.message());
        assertEquals(REF.spike(), e.spike());
        assertEquals(21_562, e.genomeStart()); // 1-based 21563
        assertEquals("", e.message());
        assertEquals(25_384, e.genomeEnd());
        assertFalse(e.reverseStrand());
    }

    @ParameterizedTest
    @EnumSource(GhDefinition.class)
    void everyClassWithoutNoiseGivesExactlyTheSimulatedSpikeOnBothStrands(GhDefinition gh) {
        List<SimulatedGenome> genomes = simulator(gh, NoiseModel.none()).simulateDataset(ClassSizes.balanced(3), 11);
        for (SimulatedGenome g : genomes) {
            assertExact(g);
        }
    }

    @Test
    void everyClassWithDefaultNoiseGivesExactlyTheSimulatedSpike() {
        List<SimulatedGenome> genomes = simulator(GhDefinition.PAPER_B1640_LIKE, NoiseModel.defaults())
                .simulateDataset(ClassSizes.balanced(25), 2025);
        int withNInSpike = 0;
        for (SimulatedGenome g : genomes) {
            assertExact(g);
            if (g.spike().indexOf('N') >= 0) {
                withNInSpike++;
            }
        }
        assertTrue(withNInSpike >= 10, "the noise should put N runs or masked deletions into some spikes, got " + withNInSpike);
    }

    @ParameterizedTest
    @EnumSource(VariantClass.class)
    void nRunsInsideAndAcrossTheSpikeDoNotMoveItsBoundaries(VariantClass cls) {
        SimulatedGenome g = simulator(GhDefinition.PAPER_B1640_LIKE, NoiseModel.none())
                .simulate(cls, "g", new SplittableRandom(7));
        StringBuilder s = new StringBuilder(g.genome());
        int a = g.spikeStart();
        int b = g.spikeEnd();
        mask(s, a + 1000, 250);         // inside, downstream of every table indel
        mask(s, a + 2600, 180);         // inside
        mask(s, b - 40, 100);           // across the 3' end (no indel there)
        mask(s, a - 120, 130);          // across the 5' end, up to spike base 9 (table indels start at 202)
        String genome = s.toString();
        String expected = genome.substring(a, b);
        SpikeExtraction fwd = EXTRACTOR.extract("g", genome);
        assertTrue(fwd.isOk(), fwd.message());
        assertEquals(expected, fwd.spike());
        assertTrue(fwd.message().contains("boundary lies inside an N run"), fwd.message());
        SpikeExtraction rev = EXTRACTOR.extract("g", Nucleotides.reverseComplement(genome));
        assertTrue(rev.isOk(), rev.message());
        assertEquals(expected, rev.spike());
    }

    @Test
    void genomeWithoutSpikeIsReportedNotFoundAndExtractOrThrowNamesTheRecord() {
        String genome = REF.genome().substring(0, 21_000) + REF.genome().substring(25_500);
        SpikeExtraction e = EXTRACTOR.extract("nospike", genome);
        assertEquals(SpikeExtraction.Status.NOT_FOUND, e.status());
        assertTrue(e.message().contains("no spike gene found"), e.message());
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> EXTRACTOR.extractOrThrow(new SequenceRecord("nospike", "", genome)));
        assertTrue(ex.getMessage().contains("'nospike'") && ex.getMessage().contains("no spike gene found"), ex.getMessage());
    }

    @Test
    void genomeThatEndsInsideTheSpikeIsReportedPartial() {
        SpikeExtraction e = EXTRACTOR.extract("partial", REF.genome().substring(0, 23_500));
        assertEquals(SpikeExtraction.Status.PARTIAL, e.status(), e.message());
        SpikeExtraction e2 = EXTRACTOR.extract("partial5", REF.genome().substring(22_500));
        assertEquals(SpikeExtraction.Status.PARTIAL, e2.status(), e2.message());
    }

    @Test
    void spikeThatIsMostlyNIsReportedAndSkipped() {
        StringBuilder s = new StringBuilder(REF.genome());
        mask(s, 21_562 + 100, 2_500); // 65% of the spike
        SpikeExtraction e = EXTRACTOR.extract("masked", s.toString());
        assertEquals(SpikeExtraction.Status.MOSTLY_N, e.status(), e.message());
        assertEquals(2_500 / 3822.0, e.nFraction(), 1e-12);
    }

    @Test
    void unrelatedSequenceIsNotFound() {
        SplittableRandom r = new SplittableRandom(3);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            s.append("ACGT".charAt(r.nextInt(4)));
        }
        assertEquals(SpikeExtraction.Status.NOT_FOUND, EXTRACTOR.extract("random", s.toString()).status());
    }

    @Test
    void codeCompatAppendsTheDuplicatedLastBaseGiving3823ForTheReference() {
        SpikeExtractor compat = new SpikeExtractor(REF, ExtractionOptions.defaults().withConvention(ExtractionConvention.CODE_COMPAT));
        SpikeExtraction e = compat.extract("ref", REF.genome());
        // paper-methods §2.6: 3,822 + 1 duplicated base = 3,823, the most common length in the released gh data
        assertEquals(3_823, e.spike().length());
        assertEquals(REF.spike() + "A", e.spike());
    }

    private static void assertExact(SimulatedGenome g) {
        SpikeExtraction fwd = EXTRACTOR.extract(g.id(), g.genome());
        assertTrue(fwd.isOk(), g.id() + ": " + fwd.message());
        assertEquals(g.spike(), fwd.spike(), g.id() + " forward");
        assertEquals(g.spikeStart(), fwd.genomeStart(), g.id());
        SpikeExtraction rev = EXTRACTOR.extract(g.id(), Nucleotides.reverseComplement(g.genome()));
        assertTrue(rev.isOk(), g.id() + " reverse: " + rev.message());
        assertTrue(rev.reverseStrand());
        assertEquals(g.spike(), rev.spike(), g.id() + " reverse complement");
    }

    private static void mask(StringBuilder s, int from, int len) {
        for (int i = from; i < from + len; i++) {
            s.setCharAt(i, 'N');
        }
    }
}
