package org.bertgeometry.variants.spike;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.bertgeometry.variants.fasta.AmbiguityPolicy;
import org.bertgeometry.variants.fasta.FastaReader;
import org.bertgeometry.variants.fasta.FastaWriter;
import org.bertgeometry.variants.fasta.SequenceRecord;
import org.bertgeometry.variants.simulation.ClassSizes;
import org.bertgeometry.variants.simulation.SimulatedGenome;
import org.bertgeometry.variants.simulation.VariantSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedFastaRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void simulatedGenomesWrittenAsGzipFastaAreReadBackAndYieldTheirExactSpikes() throws IOException {
        List<SimulatedGenome> genomes = VariantSimulator.withDefaults().simulateDataset(ClassSizes.balanced(2), 31);
        Path file = dir.resolve("sim.fasta.gz");
        try (FastaWriter w = FastaWriter.create(file)) {
            for (SimulatedGenome g : genomes) {
                w.write(g.toRecord(false));
            }
        }
        SpikeExtractor extractor = SpikeExtractor.withDefaults();
        try (FastaReader r = FastaReader.open(file, AmbiguityPolicy.MAP_TO_N)) {
            int i = 0;
            while (r.hasNext()) {
                SequenceRecord rec = r.next();
                SimulatedGenome g = genomes.get(i++);
                assertEquals(g.id(), rec.id());
                assertEquals(g.spike(), extractor.extractOrThrow(rec), g.id());
            }
            assertEquals(genomes.size(), i);
            assertTrue(r.duplicateIds().isEmpty());
        }
    }
}
