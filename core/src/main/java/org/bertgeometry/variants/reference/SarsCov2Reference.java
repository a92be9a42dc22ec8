package org.bertgeometry.variants.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.bertgeometry.variants.fasta.AmbiguityPolicy;
import org.bertgeometry.variants.fasta.FastaReader;
import org.bertgeometry.variants.fasta.SequenceRecord;

/**
 * The SARS-CoV-2 reference genome NC_045512.2 (Wuhan-Hu-1, 29,903 nt, public domain, bundled as a
 * classpath resource with its NCBI header) and the spike gene coordinates the paper uses: 1-based
 * [21563, 25384], 3,822 nt = 1,273 codons plus the stop codon (paper-methods §2.2).
 */
public final class SarsCov2Reference {

    /** 1-based first base of the spike gene (the A of ATG). */
    public static final int SPIKE_START_1BASED = 21_563;
    /** 1-based last base of the spike gene (the last A of the TAA stop). */
    public static final int SPIKE_END_1BASED = 25_384;
    /** Spike length in nucleotides, stop codon included. */
    public static final int SPIKE_LENGTH = SPIKE_END_1BASED - SPIKE_START_1BASED + 1;
    /** Expected reference genome length. */
    public static final int GENOME_LENGTH = 29_903;

    private static final String RESOURCE = "/org/bertgeometry/variants/NC_045512.2.fasta";

    private final String id;
    private final String genome;

    private SarsCov2Reference(String id, String genome) {
        this.id = id;
        this.genome = genome;
    }

    /** Loads the bundled reference; fails loudly if the resource is missing or not the expected genome. */
    public static SarsCov2Reference load() {
        try (InputStream in = SarsCov2Reference.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + RESOURCE + " is missing; the core jar is incomplete");
            }
            try (FastaReader reader = FastaReader.of(in, RESOURCE, AmbiguityPolicy.KEEP)) {
                List<SequenceRecord> records = reader.stream().toList();
                SequenceRecord r = records.get(0);
                if (records.size() != 1 || r.length() != GENOME_LENGTH) {
                    throw new IllegalStateException(RESOURCE + " should hold one record of " + GENOME_LENGTH + " nt");
                }
                return new SarsCov2Reference(r.id(), r.sequence());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Accession with version, "NC_045512.2". */
    public String id() {
        return id;
    }

    /** The whole genome, upper case. */
    public String genome() {
        return genome;
    }

    /** The reference spike gene, 3,822 nt, ATG ... TAA. */
    public String spike() {
        return genome.substring(SPIKE_START_1BASED - 1, SPIKE_END_1BASED);
    }

    /** Bases at 1-based inclusive positions [start, end]. */
    public String bases(int start1, int end1) {
        return genome.substring(start1 - 1, end1);
    }
}
