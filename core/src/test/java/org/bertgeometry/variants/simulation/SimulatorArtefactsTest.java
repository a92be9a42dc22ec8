package org.bertgeometry.variants.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.bertgeometry.variants.VariantClass;
import org.bertgeometry.variants.fasta.FastaReader;
import org.bertgeometry.variants.fasta.FastaWriter;
import org.bertgeometry.variants.fasta.MixedCase;
import org.bertgeometry.variants.fasta.SequenceRecord;
import org.bertgeometry.variants.reference.GhDefinition;
import org.bertgeometry.variants.reference.SarsCov2Reference;
import org.bertgeometry.variants.reference.SpikeMutationTable;
import org.bertgeometry.variants.sequence.Nucleotides;
import org.junit.jupiter.api.Test;

/** The artefacts of real surveillance sequences that the simulator adds, checked as properties that must hold. */
class SimulatorArtefactsTest {

    private static final SarsCov2Reference REF = SarsCov2Reference.load();
    private static final SpikeMutationTable TABLE = SpikeMutationTable.load(REF);

    private static VariantSimulator sim(NoiseModel noise) {
        return new VariantSimulator(REF, TABLE, GhDefinition.PAPER_B1640_LIKE, noise);
    }

    @Test
    void shareOfLineageChangesPresentConvergesToPresenceTimesFrequencyWithinABinomialBound() {
        double presence = 0.6;
        int genomes = 600;
        List<SimulatedGenome> delta = sim(NoiseModel.none().withMutationPresence(presence))
                .simulateDataset(Map.of(VariantClass.DELTA, genomes), 21);
        // Every delta change in the table has frequency 1.0, so each one is present with probability 0.6.
        int perGenome = TABLE.forClass(VariantClass.DELTA, GhDefinition.PAPER_B1640_LIKE).size();
        assertTrue(TABLE.forClass(VariantClass.DELTA, GhDefinition.PAPER_B1640_LIKE).stream()
                .allMatch(c -> c.frequency() == 1.0));
        long present = delta.stream().mapToLong(g -> g.appliedChanges().size()).sum();
        double trials = (double) genomes * perGenome;
        double sd = Math.sqrt(presence * (1 - presence) / trials);
        assertEquals(presence, present / trials, 4 * sd, "share of lineage changes present");
    }

    @Test
    void spikeNRunsHaveTheRequestedLengthsAndLieInsideTheSpike() {
        int len = 137;
        NoiseModel noise = NoiseModel.none().withSpikeNRuns(3.0, len, len);
        SplittableRandom r = new SplittableRandom(5);
        int genomesWithRuns = 0;
        for (int i = 0; i < 200; i++) {
            SimulatedGenome g = sim(noise).simulate(VariantClass.ALPHA, "a" + i, r);
            String outside = g.genome().substring(0, g.spikeStart()) + g.genome().substring(g.spikeEnd());
            assertEquals(-1, outside.indexOf('N'), "no N outside the spike");
            List<Integer> runs = nRuns(g.spike());
            genomesWithRuns += runs.isEmpty() ? 0 : 1;
            long ns = g.spike().chars().filter(c -> c == 'N').count();
            for (int run : runs) {
                // overlapping runs merge into a longer one, never a shorter one
                assertTrue(run >= len, "run of " + run + " N shorter than " + len);
            }
            assertTrue(ns <= (long) runs.size() * len || runs.stream().anyMatch(x -> x > len));
            if (runs.size() == 1 && ns == len) {
                assertEquals(len, runs.get(0));
            }
        }
        // Poisson(3) is 0 with probability e^-3 = 0.05: about 190 of 200 genomes carry runs
        assertTrue(genomesWithRuns > 170 && genomesWithRuns < 200, genomesWithRuns + " genomes with N runs");
    }

    @Test
    void privateDeletionsRemoveWholeCodonsAndKeepTheReadingFrame() {
        NoiseModel noise = NoiseModel.none().withPrivateDeletionProbability(1.0);
        SplittableRandom r = new SplittableRandom(9);
        String clean = sim(NoiseModel.none()).simulate(VariantClass.BETA, "b", new SplittableRandom(1)).spike();
        String cleanProtein = Nucleotides.translate(clean);
        for (int i = 0; i < 300; i++) {
            // beta's changes all have frequency 1: every genome has the same lineage spike before the deletion
            SimulatedGenome g = sim(noise).simulate(VariantClass.BETA, "b" + i, r);
            int removed = clean.length() - g.spike().length();
            assertTrue(removed >= 3 && removed <= 9 && removed % 3 == 0, "removed " + removed + " nt");
            String protein = Nucleotides.translate(g.spike());
            assertEquals('M', protein.charAt(0));
            assertEquals(protein.length() - 1, protein.indexOf('*'), "only the final codon is a stop");
            // the protein is the clean protein with removed/3 consecutive amino acids cut out
            int k = 0;
            while (protein.charAt(k) == cleanProtein.charAt(k)) {
                k++;
            }
            assertEquals(cleanProtein.substring(k + removed / 3), protein.substring(k));
        }
    }

    @Test
    void defaultsCarryEveryArtefactAndScalingDoublesTheRates() {
        NoiseModel d = NoiseModel.defaults();
        assertTrue(d.spikeNRunsMean() > 0 && d.privateDeletionProbability() > 0 && d.privateSubstitutionRate() > 0);
        assertEquals(1.0, d.mutationPresence());
        NoiseModel twice = d.scaled(2);
        assertEquals(2 * d.spikeNRunsMean(), twice.spikeNRunsMean());
        assertEquals(2 * d.privateDeletionProbability(), twice.privateDeletionProbability());
        assertEquals(d.mutationPresence(), twice.mutationPresence());
    }

    @Test
    void mixedCaseWrappedFastaReadsBackAsTheSameUpperCaseSequences() throws Exception {
        List<SimulatedGenome> gs = sim(NoiseModel.defaults()).simulateDataset(ClassSizes.balanced(2), 3);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SplittableRandom r = new SplittableRandom(2);
        boolean sawLower = false;
        try (FastaWriter w = new FastaWriter(bytes, 71)) {
            for (SimulatedGenome g : gs) {
                SequenceRecord rec = g.toRecord(false);
                String mixed = MixedCase.apply(rec.sequence(), r);
                assertTrue(mixed.equalsIgnoreCase(rec.sequence()));
                sawLower |= !mixed.equals(rec.sequence());
                w.write(new SequenceRecord(rec.id(), rec.description(), mixed));
            }
        }
        assertTrue(sawLower, "some records must carry lower case");
        List<SequenceRecord> back = new ArrayList<>();
        try (FastaReader reader = FastaReader.of(new ByteArrayInputStream(bytes.toByteArray()), "mem",
                org.bertgeometry.variants.fasta.AmbiguityPolicy.MAP_TO_N)) {
            reader.forEachRemaining(back::add);
        }
        assertEquals(gs.size(), back.size());
        for (int i = 0; i < gs.size(); i++) {
            assertEquals(gs.get(i).genome(), back.get(i).sequence());
        }
        assertFalse(new String(bytes.toByteArray(), StandardCharsets.US_ASCII).lines().anyMatch(l -> l.length() > 71));
    }

    private static List<Integer> nRuns(String s) {
        List<Integer> runs = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            if (s.charAt(i) == 'N') {
                int j = i;
                while (j < s.length() && s.charAt(j) == 'N') {
                    j++;
                }
                runs.add(j - i);
                i = j;
            } else {
                i++;
            }
        }
        return runs;
    }
}
