package org.bertgeometry.cli.variants;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bertgeometry.cli.io.Stdio;
import org.bertgeometry.variants.fasta.AmbiguityPolicy;
import org.bertgeometry.variants.fasta.FastaReader;
import org.bertgeometry.variants.fasta.SequenceRecord;
import org.bertgeometry.variants.spike.SpikeExtraction;
import org.bertgeometry.variants.spike.SpikeExtractor;

/**
 * Reads a FASTA file for {@code train} and {@code predict}, which accept spike sequences and whole
 * genomes alike: a record longer than {@link #GENOME_MIN_LENGTH} nucleotides is taken for a whole
 * genome and replaced by its extracted spike (description kept, so {@code class=} labels survive);
 * shorter records are used as they are. Genomes that yield no spike are collected with the reason so
 * the command can report them; they are never silently dropped.
 */
public final class SpikeInput {

    /**
     * Records longer than this are whole genomes. The spike is 3,822 nt and a SARS-CoV-2 genome about
     * 29,900 nt, so any threshold between them separates the two; 10,000 leaves room for spikes with
     * insertions and for partial genomes.
     */
    static final int GENOME_MIN_LENGTH = 10_000;

    /** Longest skip reasons listed one by one before the rest are only counted. */
    private static final int LISTED_SKIPS = 20;

    /**
     * What was read: the spike records (input order), the genomes that gave no spike, and how many
     * records were whole genomes.
     */
    record Result(List<SequenceRecord> spikes, List<SpikeExtraction> skipped, int genomes) {
    }

    private SpikeInput() {
    }

    /** Reads {@code fasta} ({@code -} for standard input), extracting the spike of every whole genome with {@code extractor}. */
    static Result read(Path fasta, SpikeExtractor extractor, PrintWriter err) throws IOException {
        List<SequenceRecord> spikes = new ArrayList<>();
        List<SpikeExtraction> skipped = new ArrayList<>();
        int genomes = 0;
        try (FastaReader reader = FastaReader.of(Stdio.open(fasta), Stdio.name(fasta, true),
                AmbiguityPolicy.MAP_TO_N)) {
            while (reader.hasNext()) {
                SequenceRecord r = reader.next();
                genomes += r.length() > GENOME_MIN_LENGTH ? 1 : 0;
                SequenceRecord spike = spikeOf(r, extractor, skipped::add);
                if (spike != null) {
                    spikes.add(spike);
                }
            }
            for (String w : reader.warnings()) {
                err.println("bertgeo: warning: " + w);
            }
        }
        return new Result(spikes, skipped, genomes);
    }

    /**
     * The spike of one record: the record itself when it is no longer than {@link #GENOME_MIN_LENGTH},
     * else its extracted spike (description kept); null when a genome has no usable spike, which then
     * goes to {@code skipped}.
     */
    public static SequenceRecord spikeOf(SequenceRecord r, SpikeExtractor extractor,
            java.util.function.Consumer<SpikeExtraction> skipped) {
        if (r.length() <= GENOME_MIN_LENGTH) {
            return r;
        }
        SpikeExtraction e = extractor.extract(r);
        if (e.isOk()) {
            return new SequenceRecord(r.id(), r.description(), e.spike());
        }
        skipped.accept(e);
        return null;
    }

    /**
     * Prints why genomes were skipped: one line per genome (the first {@value #LISTED_SKIPS}), then the
     * count per reason.
     */
    static void reportSkipped(List<SpikeExtraction> skipped, PrintWriter err) {
        if (skipped.isEmpty()) {
            return;
        }
        for (int i = 0; i < Math.min(LISTED_SKIPS, skipped.size()); i++) {
            SpikeExtraction e = skipped.get(i);
            err.println("bertgeo: skipped '" + e.id() + "' (" + reason(e.status()) + "): " + e.message());
        }
        if (skipped.size() > LISTED_SKIPS) {
            err.println("bertgeo: ... and " + (skipped.size() - LISTED_SKIPS) + " more skipped genomes");
        }
        err.println("bertgeo: skipped " + skipped.size() + " genome(s) without a usable spike: " + countsByReason(skipped));
        err.flush();
    }

    /** "2 missing spike, 1 mostly N" in a fixed order, only reasons that occurred. */
    static String countsByReason(List<SpikeExtraction> skipped) {
        Map<SpikeExtraction.Status, Integer> counts = new EnumMap<>(SpikeExtraction.Status.class);
        for (SpikeExtraction e : skipped) {
            counts.merge(e.status(), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((s, n) -> parts.add(n + " " + reason(s)));
        return String.join(", ", parts);
    }

    /** A short user-facing name of a skip reason. */
    static String reason(SpikeExtraction.Status s) {
        return switch (s) {
            case OK -> "ok";
            case NOT_FOUND -> "missing spike";
            case PARTIAL -> "partial genome";
            case MOSTLY_N -> "mostly N";
            case BAD_LENGTH -> "implausible spike length";
        };
    }
}
