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

    @Test
    void fullBandedAlignmentAgreesWithTheAnchoredSegmentShortcut() {
        List<SimulatedGenome> genomes = simulator(GhDefinition.PAPER_B1640_LIKE, NoiseModel.defaults().scaled(2))
                .simulateDataset(ClassSizes.balanced(3), 77);
        for (SimulatedGenome g : genomes) {
            SpikeExtraction full = EXTRACTOR.extract(g.id(), g.genome(), true);
            assertTrue(full.isOk(), full.message());
            assertEquals(g.spike(), full.spike(), g.id());
            assertEquals(EXTRACTOR.extract(g.id(), g.genome()).spike(), full.spike(), g.id());
        }
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
    void lowerCaseGenomeTextIsTreatedLikeUpperCase() {
        String lower = REF.genome().toLowerCase(java.util.Locale.ROOT);
        assertEquals(REF.spike(), EXTRACTOR.extract("lc", lower).spike());
        assertEquals(REF.spike(), EXTRACTOR.extract("lcrc", Nucleotides.reverseComplement(REF.genome()).toLowerCase(java.util.Locale.ROOT)).spike());
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

    @Test
    void codeCompatFillsAnNRunWithReferenceBasesAndDuplicatesTheBaseBeforeTheGap() {
        // Hand derivation (paper-methods §2.3-2.6): chunks start at multiples of 150, i.e. at spike-relative
        // offsets 38 + 150u (21,600 - 21,562 = 38). With N over spike offsets [1000, 1400):
        // chunk [938, 1088) keeps [938, 999] after clipping its 88 trailing N (pe = 999); chunks [1088, 1238)
        // and [1238, 1388) are all N and unmapped; chunk [1388, 1538) keeps [1400, 1537] after clipping 12
        // leading N (ps = 1400). ps - prev_end = 401 > 1, so ref_spk[999:1400] is inserted (base 999 twice),
        // and the tail test appends ref_spk[3821:]: ref[0:1000] + ref[999:3822] + ref[3821], 3,824 nt.
        StringBuilder g = new StringBuilder(REF.genome());
        mask(g, 21_562 + 1_000, 400);
        SpikeExtractor compat = new SpikeExtractor(REF, ExtractionOptions.defaults().withConvention(ExtractionConvention.CODE_COMPAT));
        String ref = REF.spike();
        String expected = ref.substring(0, 1_000) + ref.substring(999) + ref.charAt(3_821);
        SpikeExtraction e = compat.extract("masked", g.toString());
        assertTrue(e.isOk(), e.message());
        assertEquals(3_824, e.spike().length());
        assertEquals(expected, e.spike());
    }

    @Test
    void codeCompatReproducesTheReverseStrandBugOnAReverseComplementedReference() {
        // Hand derivation: on the reverse-complemented 29,903-nt reference, chunk t covers forward positions
        // [29,753 - 150t, 29,903 - 150t), i.e. forward chunk starts are 53 mod 150. SAM order is t ascending,
        // i.e. descending reference position. First kept chunk: forward start 25,253 (crosses E = 25,383):
        // prepend ref_spk[0:3691], truncate to E - s + 1 = 131 bases. Then 24 whole chunks (25,103 down to
        // 21,653; 3,600 bases, never gap-filled because ps - prev_end < 0), then the chunk crossing S
        // (21,503..21,652) truncated to 91 bases with pe = 90, then the tail ref_spk[90:] (3,732 bases).
        // Total 3,691 + 131 + 3,600 + 91 + 3,732 = 11,245. Every chunk is reverse-complemented a second time
        // (step 5) before it is truncated (step 6), so the first chunk contributes the first 131 bases of the
        // reverse complement of forward 25,253..25,402.
        SpikeExtractor compat = new SpikeExtractor(REF, ExtractionOptions.defaults().withConvention(ExtractionConvention.CODE_COMPAT));
        SpikeExtraction e = compat.extract("rc", Nucleotides.reverseComplement(REF.genome()));
        assertTrue(e.isOk(), e.message());
        assertTrue(e.reverseStrand());
        assertEquals(11_245, e.spike().length());
        String ref = REF.spike();
        assertEquals(ref.substring(0, 3_691), e.spike().substring(0, 3_691));
        assertEquals(Nucleotides.reverseComplement(REF.genome().substring(25_253, 25_403)).substring(0, 131),
                e.spike().substring(3_691, 3_691 + 131));
        assertEquals(ref.substring(90), e.spike().substring(11_245 - 3_732));
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
