package org.bertgeometry.variants.simulation;

import java.util.List;

import org.bertgeometry.variants.VariantClass;
import org.bertgeometry.variants.fasta.SequenceRecord;
import org.bertgeometry.variants.reference.LineageChange;

/**
 * One simulated genome with the ground truth a test or benchmark needs: its class, where its spike
 * lies (0-based, end exclusive, forward strand), and which lineage changes were applied.
 *
 * @param appliedChanges the table changes drawn for this genome, by position; a deletion that the noise
 *                       model wrote as N's appears as an {@code N_MASK} change marked "(N-masked)"
 */
public record SimulatedGenome(String id, VariantClass variantClass, String genome, int spikeStart, int spikeEnd,
        List<LineageChange> appliedChanges) {

    public SimulatedGenome {
        appliedChanges = List.copyOf(appliedChanges);
    }

    /** The simulated spike gene, forward strand, with its lineage changes and noise. */
    public String spike() {
        return genome.substring(spikeStart, spikeEnd);
    }

    /** A FASTA record of the whole genome or of the spike only; the description names the class. */
    public SequenceRecord toRecord(boolean spikeOnly) {
        return new SequenceRecord(id, "class=" + variantClass.key(), spikeOnly ? spike() : genome);
    }
}
